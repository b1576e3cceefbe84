// The `synapse` package a Python module imports inside Pyodide: the names and shapes of
// Synapse 1.157.1's module interface (module-api.md), written for the playground. The
// ModuleApi forwards to the TypeScript ModuleApi (src/engine/modules/api.ts) through the
// bridge (./bridge.ts), so both languages share one implementation of every rule.
// Kept as text: Pyodide's file system receives it at start (./host.ts). Its public names
// and signatures are listed in ./synapseApi.ts for the editor; a test keeps them equal.

export const SYNAPSE_PACKAGE: Record<string, string> = {
  "synapse/__init__.py": String.raw`"""The playground's stand-in for Synapse's module interface (presence routers)."""
`,
  "synapse/api/__init__.py": "",
  "synapse/api/constants.py": String.raw`__all__ = ["PresenceState"]


class PresenceState:
    """The presence values Synapse knows (BUSY needs msc3026)."""

    OFFLINE = "offline"
    UNAVAILABLE = "unavailable"
    ONLINE = "online"
    BUSY = "org.matrix.msc3026.busy"
`,
  "synapse/config/__init__.py": String.raw`from synapse.config._base import ConfigError

__all__ = ["ConfigError"]
`,
  "synapse/config/_base.py": String.raw`class ConfigError(Exception):
    """Raised from parse_config (or a constructor) for a bad module config: the
    homeserver does not start (R56).

    path: where in the config the problem is, e.g. ["blacklisted_users", "0"].
    """

    def __init__(self, msg, path=None):
        super().__init__(msg)
        self.msg = msg
        self.path = path
`,
  "synapse/module_api/__init__.py": String.raw`from _playground.api import ModuleApi
from synapse.config._base import ConfigError
from synapse.events.presence_router import PresenceRouter
from synapse.handlers.presence import UserPresenceState

__all__ = ["ModuleApi", "ConfigError", "PresenceRouter", "UserPresenceState"]
`,
  "synapse/module_api/errors.py": String.raw`from synapse.config._base import ConfigError


class SynapseError(Exception):
    def __init__(self, code, msg, errcode="M_UNKNOWN"):
        super().__init__(msg)
        self.code = code
        self.msg = msg
        self.errcode = errcode


class InvalidClientCredentialsError(SynapseError):
    pass


class RedirectException(Exception):
    pass


__all__ = ["ConfigError", "SynapseError", "InvalidClientCredentialsError", "RedirectException"]
`,
  "synapse/events/__init__.py": "",
  "synapse/events/presence_router.py": String.raw`__all__ = ["PresenceRouter"]


class PresenceRouter:
    """Only its constant matters to a module."""

    # R62: returned by get_interested_users to mean "every user".
    ALL_USERS = "ALL"
`,
  "synapse/handlers/__init__.py": "",
  "synapse/handlers/presence.py": String.raw`from dataclasses import dataclass, field, replace

__all__ = ["UserPresenceState"]

_FIELDS = (
    "user_id",
    "state",
    "last_active_ts",
    "last_federation_update_ts",
    "last_user_sync_ts",
    "status_msg",
    "currently_active",
)


@dataclass(frozen=True)
class UserPresenceState:
    """One user's presence record (R2). Frozen; equal and hashed by all seven fields."""

    user_id: str
    state: str
    last_active_ts: int
    last_federation_update_ts: int
    last_user_sync_ts: int
    status_msg: str | None
    currently_active: bool
    # The engine's record this one mirrors (not a field of Synapse's class).
    _origin: object = field(default=None, compare=False, repr=False)

    def as_dict(self):
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_dict(cls, d):
        return cls(**{name: d[name] for name in _FIELDS})

    def copy_and_replace(self, **kwargs):
        unknown = [k for k in kwargs if k not in _FIELDS]
        if unknown:
            raise TypeError("copy_and_replace() got an unexpected keyword argument %r" % unknown[0])
        return replace(self, _origin=None, **kwargs)

    @classmethod
    def default(cls, user_id):
        return cls(user_id, "offline", 0, 0, 0, None, False)
`,
  "synapse/types/__init__.py": String.raw`__all__ = ["UserID"]


class UserID:
    """A parsed user id (@localpart:domain)."""

    def __init__(self, localpart, domain):
        self.localpart = localpart
        self.domain = domain

    @classmethod
    def from_string(cls, s):
        if not isinstance(s, str) or not s.startswith("@") or ":" not in s:
            raise ValueError("invalid user id %r" % (s,))
        local, domain = s[1:].split(":", 1)
        return cls(local, domain)

    def to_string(self):
        return "@%s:%s" % (self.localpart, self.domain)

    __str__ = to_string

    def __eq__(self, other):
        return isinstance(other, UserID) and self.to_string() == other.to_string()

    def __hash__(self):
        return hash(self.to_string())
`,
};
