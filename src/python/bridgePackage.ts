// The Python half of the bridge between a user's Python module and the engine: loading a
// module file, the simulated clock and seeded `random` per (server, module), print and
// logging to the module's console, the asyncio loop on the simulated clock, value
// conversion both ways, and errors located at the .py line. The JavaScript half is
// ./host.ts; `H` below is the helper object it installs.

export const BRIDGE_PACKAGE: Record<string, string> = {
  "_playground/__init__.py": String.raw`"""Bridge between the engine (TypeScript) and Python modules. Not for modules."""
import asyncio
import contextvars
import io
import json
import logging
import random as _random
import sys
import time as _time
import traceback
import types

from pyodide.ffi import JsException, create_once_callable, create_proxy
from pyodide.webloop import WebLoop

H = None  # the JavaScript helpers (install())


class Env:
    """One (server, module file): its ModuleEnv, seeded Random and (once built) ModuleApi."""

    def __init__(self, js_env, seed, file):
        self.js = js_env
        self.file = file
        self.random = _random.Random(seed)
        self.api = None  # the JavaScript ModuleApi, for timers (asyncio sleeps)
        self.line = ""

    def now_ms(self):
        return self.js.now()


_current = contextvars.ContextVar("playground_env", default=None)
_last = [None]


def env():
    e = _current.get()
    return e if e is not None else _last[0]


def entered(e, fn, *args, **kwargs):
    """Runs fn as module code of e (clock, random, console)."""
    token = _current.set(e)
    _last[0] = e
    try:
        return fn(*args, **kwargs)
    finally:
        _stdout.flush_line()
        _current.reset(token)


# ---- errors -------------------------------------------------------------------------


def error_info(exc, file=None):
    """The JSON a JavaScript PyModuleError carries: the message and the innermost frame
    in one of the user's files (the .py line the editor marks)."""
    message = "".join(traceback.format_exception_only(type(exc), exc)).strip().splitlines()
    text = message[-1] if message else type(exc).__name__
    # "synapse.config._base.ConfigError: msg" reads as "ConfigError: msg", as builtins do.
    qualified = type(exc).__module__ + "." + type(exc).__qualname__ + ":"
    if text.startswith(qualified):
        text = type(exc).__name__ + ":" + text[len(qualified):]
    # SyntaxError's format puts the source line first; the last line is the message.
    info = {"message": text, "name": type(exc).__name__}
    if isinstance(exc, JsException):
        info["message"] = str(exc)
    if isinstance(exc, SyntaxError) and exc.filename in _files:
        info.update(file=exc.filename, line=exc.lineno or 1, column=exc.offset or 1)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename in _files]
    if frames and "file" not in info:
        f = frames[-1]
        info.update(file=f.filename, line=f.lineno, column=(f.colno or 0) + 1)
    if frames:
        info["stack"] = "".join(traceback.format_list(frames)).rstrip()
    for cls in type(exc).__mro__:
        if cls.__name__ == "ConfigError":
            info["name"] = "ConfigError"
    return json.dumps(info)


def fail(exc):
    return H.fail(error_info(exc))


def guarded(e, fn, *args):
    """Calls module code; a Python exception comes back as a PyModuleError value (the
    JavaScript wrapper throws it)."""
    try:
        return entered(e, fn, *args)
    except BaseException as exc:  # noqa: BLE001 - a module may raise anything
        return fail(exc)


# ---- the asyncio loop on the simulated clock -----------------------------------------


class SimLoop(WebLoop):
    """call_soon runs in a JavaScript microtask (the engine waits for a callback's
    promise within its microtask bound, invoke.ts); a delay runs on the simulated clock
    through the module's ModuleApi.sleep, as its TypeScript twin does."""

    def time(self):
        e = env()
        return e.now_ms() / 1000 if e is not None else 0.0

    def call_later(self, delay, callback, *args, context=None):
        if delay < 0:
            raise ValueError("Can't schedule in the past")
        handle = asyncio.Handle(callback, args, self, context=context)

        def run(*_ignored):
            if handle.cancelled():
                return
            for hook in ("_install_running_loop", "_install_asyncgen_hooks"):
                if hasattr(self, hook):
                    getattr(self, hook)()
            handle._run()

        if delay == 0:
            H.microtask(create_once_callable(run))
            return handle
        e = env()
        if e is None or e.api is None:
            raise RuntimeError("asyncio timers run on the simulated clock of a module instance: sleep inside a callback or a background call, not at import time")
        H.after(e.api, delay, create_once_callable(run))
        return handle

    def call_at(self, when, callback, *args, context=None):
        return self.call_later(max(0.0, when - self.time()), callback, *args, context=context)


loop = SimLoop()
asyncio.set_event_loop(loop)


def as_promise(e, coro, convert):
    """A coroutine run on the loop: the JavaScript wrapper (H.wrap) returns a Promise of
    its converted value."""
    token = _current.set(e)
    try:
        task = loop.create_task(coro)
    finally:
        _current.reset(token)

    pending = H.pending()

    def done(t):
        _stdout.flush_line()
        if t.cancelled():
            pending.reject(fail(asyncio.CancelledError()))
            return
        exc = t.exception()
        if exc is not None:
            pending.reject(fail(exc))
            return
        try:
            pending.resolve(convert(t.result()))
        except BaseException as exc2:  # noqa: BLE001
            pending.reject(fail(exc2))

    task.add_done_callback(done)
    return pending


def js_callable(e, fn, convert_args, convert_result):
    """A JavaScript function that runs the Python callable fn as module code of e. A
    coroutine becomes a Promise; a plain value is returned as it is (R60 decides)."""
    if not callable(fn):
        return opaque(fn)

    def call(*js_args):
        def body():
            ret = fn(*convert_args(*js_args))
            if hasattr(ret, "__await__"):
                return as_promise(e, _await(ret), convert_result)
            return convert_result(ret)

        return guarded(e, body)

    return H.wrap(create_proxy(call))


async def _await(awaitable):
    return await awaitable


# ---- values -------------------------------------------------------------------------


def opaque(v):
    """A JavaScript stand-in for a Python value the engine rejects: messages name its
    Python type ("a Python list")."""
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    return H.opaque("Python " + type(v).__name__)


def state_from_js(s):
    from synapse.handlers.presence import UserPresenceState

    return UserPresenceState(
        s.user_id,
        s.state,
        s.last_active_ts,
        s.last_federation_update_ts,
        s.last_user_sync_ts,
        s.status_msg,
        bool(s.currently_active),
        s,
    )


def state_to_js(v):
    from synapse.handlers.presence import UserPresenceState

    if not isinstance(v, UserPresenceState):
        return opaque(v)
    if v._origin is not None:
        return v._origin  # the engine's own record, as given (combine.ts keeps it)
    return H.json(json.dumps(v.as_dict()))


def user_arg(user_id):
    return (user_id,)


def ordered_states(s, order):
    """Python sets have no order: the engine sees a set's states in the order of the
    call's input (then any others by value), so traces are deterministic."""
    return sorted(s, key=lambda x: (order.get(id(x._origin), len(order)) if getattr(x, "_origin", None) is not None else len(order), repr(x)))


def gufs_result_for(py_states):
    order = {id(s._origin): i for i, s in enumerate(py_states)}

    def convert(v):
        # R61: a dict of user id -> set (type checks as Synapse's: isinstance dict / set).
        if not isinstance(v, dict):
            return opaque(v)
        m = H.newMap()
        for key, val in v.items():
            k = key if isinstance(key, str) else opaque(key)
            if isinstance(val, set):
                js = H.newSet()
                for x in ordered_states(val, order):
                    H.setAdd(js, state_to_js(x))
            else:
                js = opaque(val)
            H.mapSet(m, k, js)
        return m

    return convert


def giu_result(v):
    # R62: "ALL" or a set of user ids; a list or frozenset is not a set.
    if isinstance(v, set):
        js = H.newSet()
        for u in sorted(v, key=lambda x: (not isinstance(x, str), str(x))):
            H.setAdd(js, u if isinstance(u, str) else opaque(u))
        return js
    return opaque(v)


def to_py(v):
    """Plain data from JavaScript (config, API results) as dicts and lists."""
    return json.loads(H.stringify(v))


# ---- console, time, random ---------------------------------------------------------


class _Stdout(io.TextIOBase):
    """print() → the module's console, one log event per line."""

    def __init__(self, level):
        self.level = level

    def writable(self):
        return True

    def write(self, s):
        e = env()
        if e is None:
            return len(s)
        e.line += s
        while "\n" in e.line:
            line, e.line = e.line.split("\n", 1)
            H.log(e.js, self.level, line)
        return len(s)

    def flush_line(self):
        e = env()
        if e is not None and e.line:
            line, e.line = e.line, ""
            H.log(e.js, self.level, line)


_stdout = _Stdout("log")
_stderr = _Stdout("error")

_LEVELS = {logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warn", logging.ERROR: "error", logging.CRITICAL: "error"}


class ConsoleHandler(logging.Handler):
    """logging → the module's console (levels as Synapse's default log config: INFO)."""

    def emit(self, record):
        e = env()
        if e is None:
            return
        msg = record.getMessage()
        if record.name != "root":
            msg = record.name + ": " + msg
        if record.exc_info:
            msg += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
        H.log(e.js, _LEVELS.get(record.levelno, "info"), msg)


def _now():
    e = env()
    return e.now_ms() / 1000 if e is not None else 0.0


def _now_ns():
    e = env()
    return int(e.now_ms()) * 1_000_000 if e is not None else 0


def _blocking_sleep(_seconds):
    raise RuntimeError("time.sleep() would block Synapse's reactor: use 'await module_api.sleep(seconds)' or 'await asyncio.sleep(seconds)' (simulated clock)")


def _random_proxy(name):
    def call(*args, **kwargs):
        e = env()
        if e is None:
            raise RuntimeError("random is seeded per module: call it from module code")
        return getattr(e.random, name)(*args, **kwargs)

    call.__name__ = name
    return call


def _install_determinism():
    # time: the simulated clock (the engine's, in seconds); random: per (server, module),
    # seeded from the scenario seed (the TypeScript Math.random's seed).
    _time.time = _now
    _time.time_ns = _now_ns
    _time.monotonic = _now
    _time.perf_counter = _now
    _time.sleep = _blocking_sleep
    for name in dir(_random._inst):
        if not name.startswith("_") and callable(getattr(_random._inst, name)) and hasattr(_random, name):
            setattr(_random, name, _random_proxy(name))
    sys.stdout = _stdout
    sys.stderr = _stderr
    root = logging.getLogger()
    root.handlers[:] = [ConsoleHandler()]
    root.setLevel(logging.INFO)


# ---- loading ------------------------------------------------------------------------

_files = set()


def install(helpers):
    global H
    H = helpers
    _install_determinism()


def load(file, source, js_env, seed, sources_json="{}"):
    """Evaluates a .py file afresh (once per server, as Python imports a module once per
    process) and returns its names for the engine: classes as constructible shims. The
    scenario's other .py files are importable from it (imports.py)."""
    from _playground.imports import UserModules

    e = Env(js_env, seed, file)
    sources = json.loads(sources_json)
    sources.setdefault(file, source)
    _files.update(sources)
    e.modules = UserModules(sources, entered_env=lambda fn: entered(e, fn))
    try:
        mod = e.modules.load_entry(file)
    except BaseException as exc:  # noqa: BLE001
        return fail(exc)
    exports = H.newObject()
    for key, value in list(vars(mod).items()):
        if key.startswith("__"):
            continue
        H.setProp(exports, key, class_shim(e, key, value) if isinstance(value, type) else opaque(value))
    return exports


def class_shim(e, name, cls):
    from _playground.api import ModuleApi

    def construct(config, js_api, legacy):
        api = ModuleApi(js_api, e)
        e.api = js_api
        config = to_py(config) if hasattr(config, "to_py") else config
        # Synapse: modules: entries are built positionally (R56), the legacy router with
        # keywords config= and module_api= (R57).
        inst = cls(config=config, module_api=api) if legacy else cls(config, api)
        return instance_shim(e, inst)

    def parse_config(config):
        return H.keep(getattr(cls, "parse_config")(to_py(config)))

    has_parse = hasattr(cls, "parse_config")
    return H.pyClass(
        name,
        create_proxy(lambda config, js_api, legacy: guarded(e, construct, config, js_api, bool(legacy))),
        create_proxy(lambda config: guarded(e, parse_config, config)) if has_parse else None,
    )


def instance_shim(e, inst):
    """What the engine sees of an instance: its two router methods, if it has them (R57
    finds them by name)."""
    methods = {}
    for name, result in (("get_users_for_states", None), ("get_interested_users", giu_result)):
        fn = getattr(inst, name, None)
        if callable(fn):
            methods[name] = router_callable(e, name, fn)
    return H.instance(methods.get("get_users_for_states"), methods.get("get_interested_users"))


def router_callable(e, name, fn):
    if name == "get_users_for_states":
        if not callable(fn):
            return opaque(fn)

        def call(js_states):
            states = [state_from_js(s) for s in js_states]
            convert = gufs_result_for(states)

            def body():
                ret = fn(list(states))
                if hasattr(ret, "__await__"):
                    return as_promise(e, _await(ret), convert)
                return convert(ret)

            return guarded(e, body)

        return H.wrap(create_proxy(call))
    return js_callable(e, fn, user_arg, giu_result)
`,
  "_playground/imports.py": String.raw`"""Imports between the scenario's .py files, as Synapse finds a module on PYTHONPATH:
the scenario's files are the root, router.py is "router", pkg/__init__.py and pkg/mod.py
are "pkg" and "pkg.mod". Each load of an entry file gets its own modules (a server is
its own process; TypeScript bundles each entry with its own copy of what it imports),
so nothing goes into sys.modules for longer than a module body runs: the user's modules
see an __import__ of their own that serves these files and passes other names on."""
import builtins
import sys
import types

_real_import = builtins.__import__


def module_name(file):
    name = file[:-3] if file.endswith(".py") else file
    if name.endswith("/__init__"):
        name = name[: -len("/__init__")]
    return name.lstrip("./").replace("/", ".")


class UserModules:
    def __init__(self, sources, entered_env):
        self.files = {module_name(f): f for f in sources if f.endswith(".py")}
        self.sources = sources
        self.modules = {}
        self.entered = entered_env
        self.builtins = dict(vars(builtins))
        self.builtins["__import__"] = self.import_

    def load_entry(self, file):
        return self.entered(lambda: self.module(module_name(file), file))

    def module(self, name, file=None):
        """The module called name, run the first time it is asked for (a partly run
        module is returned to a circular import, as Python does)."""
        if name in self.modules:
            return self.modules[name]
        if file is None and name not in self.files:
            # pkg/mod.py without pkg/__init__.py: a namespace package, as in Python 3.
            mod = types.ModuleType(name)
            mod.__path__ = []
            mod.__package__ = name
            self.modules[name] = mod
            return mod
        file = file or self.files[name]
        mod = types.ModuleType(name)
        mod.__file__ = file
        mod.__builtins__ = self.builtins
        if file.endswith("__init__.py"):
            mod.__path__ = []
            mod.__package__ = name
        else:
            mod.__package__ = name.rpartition(".")[0]
        self.modules[name] = mod
        if "." in name:
            parent = self.module(name.rpartition(".")[0])
            setattr(parent, name.rpartition(".")[2], mod)
        code = compile(self.sources[file], file, "exec")
        # dataclasses and typing look a class's module up in sys.modules while it runs.
        before = sys.modules.get(name)
        sys.modules[name] = mod
        try:
            exec(code, mod.__dict__)
        except BaseException:
            del self.modules[name]
            raise
        finally:
            if before is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = before
        return mod

    def namespace(self, name):
        return any(n.startswith(name + ".") for n in self.files)

    def mine(self, name):
        top = name.split(".")[0]
        return top in self.files or self.namespace(top)

    def resolve(self, name, globals, level):
        if level == 0:
            return name
        package = (globals or {}).get("__package__") or ""
        parts = package.split(".") if package else []
        if level - 1 > len(parts) or (level > 1 and not package) or not package:
            raise ImportError("attempted relative import beyond the scenario's files")
        base = ".".join(parts[: len(parts) - (level - 1)])
        return base + "." + name if name else base

    def import_(self, name, globals=None, locals=None, fromlist=(), level=0):
        full = self.resolve(name, globals, level)
        if not self.mine(full):
            try:
                return _real_import(name, globals, locals, fromlist, level)
            except ModuleNotFoundError as exc:
                # Neither the scenario's nor installed: most often a file not added yet.
                if level == 0 and exc.name == full.split(".")[0]:
                    raise ModuleNotFoundError(self.missing(exc.name), name=exc.name) from None
                raise
        parts = full.split(".")
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix not in self.files and not self.namespace(prefix):
                raise ModuleNotFoundError(self.missing(prefix), name=prefix)
            self.module(prefix)
        mod = self.modules[full]
        for item in fromlist or ():
            sub = full + "." + item
            if item != "*" and not hasattr(mod, item) and sub in self.files:
                self.module(sub)
        if fromlist or level:
            return mod
        return self.modules[parts[0]]

    def missing(self, name):
        files = ", ".join(sorted(self.sources)) or "(none)"
        return "No module named %r: the scenario has no %s.py (its Python files: %s)" % (name, name.replace(".", "/"), files)
`,
  "_playground/api.py": String.raw`"""synapse.module_api.ModuleApi in the playground: Synapse's names, forwarding to the
TypeScript ModuleApi (src/engine/modules/api.ts), so both languages share its rules."""
import json

from pyodide.ffi import JsException, create_proxy

import _playground as bridge


def _js(call, *args):
    """Calls the JavaScript API; its errors become the Python errors Synapse raises."""
    try:
        return call(*args)
    except JsException as exc:
        text = str(exc)
        name, _, msg = text.partition(": ")
        if name == "TypeError":
            raise TypeError(msg) from None
        raise RuntimeError(msg if name == "Error" else text) from None


class _Unavailable:
    pass


class ModuleApi:
    """The API object a module's constructor receives (module-api.md)."""

    def __init__(self, js_api, env):
        self._js_api = js_api
        self._env = env

    @property
    def server_name(self):
        return self._js_api.server_name

    def is_mine(self, id):
        return bool(self._js_api.is_mine(str(id)))

    def get_qualified_user_id(self, username):
        return self._js_api.get_qualified_user_id(username)

    def register_presence_router_callbacks(self, *, get_users_for_states=None, get_interested_users=None):
        """R56, R58: both or neither; each call appends one registration."""
        e = self._env
        gufs = None if get_users_for_states is None else bridge.router_callable(e, "get_users_for_states", get_users_for_states)
        giu = None if get_interested_users is None else bridge.router_callable(e, "get_interested_users", get_interested_users)
        _js(self._js_api.register_presence_router_callbacks, bridge.H.pair(gufs, giu))

    async def send_local_online_presence_to(self, users):
        if isinstance(users, str):
            raise TypeError("send_local_online_presence_to expects an iterable of user ids, got a str")
        await _js(self._js_api.send_local_online_presence_to, bridge.H.json(json.dumps(list(users))))

    async def set_presence_for_users(self, users):
        data = {k: list(v) if isinstance(v, (tuple, list)) else v for k, v in dict(users).items()}
        await _js(self._js_api.set_presence_for_users, bridge.H.json(json.dumps(data)))

    async def get_state_events_in_room(self, room_id, types=None):
        t = None if types is None else bridge.H.json(json.dumps([list(x) for x in types]))
        return bridge.to_py(await _js(self._js_api.get_state_events_in_room, room_id, t))

    async def update_room_membership(self, sender, target, room_id, new_membership, content=None, remote_room_hosts=None):
        return bridge.to_py(await _js(self._js_api.update_room_membership, sender, target, room_id, new_membership))

    async def check_user_exists(self, user_id):
        return await _js(self._js_api.check_user_exists, user_id)

    def get_current_time_msec(self):
        return self._js_api.get_current_time_msec()

    def _background(self, f, args, kwargs):
        e = self._env
        return bridge.js_callable(e, lambda: f(*args, **kwargs), lambda: (), lambda v: None)

    def looping_background_call(self, f, msec, *args, desc=None, run_on_all_instances=False, **kwargs):
        _js(self._js_api.looping_background_call, self._background(f, args, kwargs), msec)

    def delayed_background_call(self, msec, f, *args, desc=None, **kwargs):
        return _DelayedCall(_js(self._js_api.delayed_background_call, msec, self._background(f, args, kwargs)))

    async def sleep(self, seconds):
        await _js(self._js_api.sleep, seconds)

    def __getattr__(self, name):
        if name in _UNAVAILABLE:
            raise NotImplementedError("ModuleApi.%s is not available in the playground" % name)
        raise AttributeError("'ModuleApi' object has no attribute %r" % name)


class _DelayedCall:
    def __init__(self, js):
        self._js = js
        self._cancelled = False

    def cancel(self):
        self._cancelled = True
        self._js.cancel()

    def active(self):
        return not self._cancelled


_UNAVAILABLE = set()


def set_unavailable(names):
    _UNAVAILABLE.update(names)
`,
};
