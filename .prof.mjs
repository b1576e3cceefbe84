import {createRequire} from 'module'; const require = createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap6 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode3(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection2(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias4;
    exports.isCollection = isCollection2;
    exports.isDocument = isDocument;
    exports.isMap = isMap6;
    exports.isNode = isNode3;
    exports.isPair = isPair5;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found2 = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found2 = node;
        }
        if (found2 && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found2);
          if (!data) {
            toJS.toJS(found2, null, ctx);
            data = anchors2.get(found2);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found2, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found2;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma2 = null;
      let found2 = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found2 || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found2)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found2 = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma2)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma2 = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma: comma2,
        found: found2,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap6 = fc.start.source === "{";
      const fcName = isMap6 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap6 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap6 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap6 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap6 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap6) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap6 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value);
      }
      scalar2.range = range;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before2, pos) {
      if (before2) {
        pos ?? (pos = before2.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before2[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before2[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before2[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before2, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before2, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection2 = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection2;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter4 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter4;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar2.end) {
            sep = scalar2.end;
            sep.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse3(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse3;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// ../prof/prof.ts
import { readFileSync } from "node:fs";
import * as esbuild from "esbuild";

// src/compile/paths.ts
var EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mts", ".mjs", ".cts", ".cjs", ".json"];
function normalizePath(p) {
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}
function dirname(p) {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}
function isRelative(spec) {
  return spec === "." || spec === ".." || spec.startsWith("./") || spec.startsWith("../");
}
function candidatePaths(importer, spec) {
  const base = normalizePath(`${dirname(importer)}/${spec}`);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  const js = /\.(m|c)?jsx?$/.exec(base);
  if (js) {
    const stem = base.slice(0, -js[0].length);
    candidates.push(stem + ".ts", stem + ".tsx", stem + ".mts", stem + ".cts");
  }
  return candidates;
}
function resolveLocal(files2, importer, spec) {
  for (const c of candidatePaths(importer, spec)) if (Object.prototype.hasOwnProperty.call(files2, c)) return c;
  return null;
}
function relativeImports(source) {
  const specs = /* @__PURE__ */ new Set();
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])(\.{1,2}(?:\/[^"'\n]*)?)\1/g;
  for (const m of source.matchAll(re)) specs.add(m[2]);
  return [...specs];
}
function resolveEntry(files2, entry) {
  const n = normalizePath(entry);
  if (Object.prototype.hasOwnProperty.call(files2, n)) return n;
  return resolveLocal(files2, "", "./" + n);
}
function loaderFor(file) {
  if (/\.(m|c)?ts$/.test(file)) return "ts";
  if (file.endsWith(".tsx")) return "tsx";
  if (file.endsWith(".jsx")) return "jsx";
  if (file.endsWith(".json")) return "json";
  if (/\.(m|c)?js$/.test(file)) return "js";
  return "ts";
}

// src/compile/positions.ts
var encoder = new TextEncoder();
function lineText(source, line) {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  const end = source.indexOf("\n", start);
  const text2 = source.slice(start, end < 0 ? source.length : end);
  return text2.endsWith("\r") ? text2.slice(0, -1) : text2;
}
function byteToUtf16(text2, byteColumn) {
  let bytes = 0;
  let i = 0;
  while (i < text2.length && bytes < byteColumn) {
    const cp = text2.codePointAt(i);
    bytes += encoder.encode(String.fromCodePoint(cp)).length;
    i += cp > 65535 ? 2 : 1;
  }
  return i;
}

// src/compile/compile.ts
var NS = "playground";
var FORBIDDEN_IMPORT = "only 'synapse' and the playground's own files can be imported";
function fileList(files2) {
  const names = Object.keys(files2);
  return names.length ? names.join(", ") : "(none)";
}
function playgroundFiles(files2) {
  return {
    name: "playground-files",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") {
          const path = resolveEntry(files2, args.path);
          if (path === null) return { errors: [{ text: `no file named '${args.path}'; the files are: ${fileList(files2)}` }] };
          return { path, namespace: NS };
        }
        if (args.path === "synapse") return { path: "synapse", external: true };
        if (isRelative(args.path) && args.namespace === NS) {
          const path = resolveLocal(files2, args.importer, args.path);
          if (path !== null) return { path, namespace: NS };
          return { errors: [{ text: `cannot find '${args.path}' among the playground's files (${fileList(files2)})` }] };
        }
        return { errors: [{ text: `cannot import '${args.path}': ${FORBIDDEN_IMPORT}` }] };
      });
      build.onLoad({ filter: /.*/, namespace: NS }, (args) => ({
        contents: files2[args.path],
        loader: loaderFor(args.path)
      }));
    }
  };
}
function userFile(file) {
  const i = file.indexOf(`${NS}:`);
  return i >= 0 ? file.slice(i + NS.length + 1) : file;
}
function toDiagnostic(m, severity, files2, entry) {
  const loc = m.location;
  const text2 = m.notes?.length ? `${m.text} (${m.notes.map((n) => n.text).join("; ")})` : m.text;
  if (!loc) return { file: entry, line: 1, column: 1, message: text2, severity };
  const file = userFile(loc.file);
  const line = Object.prototype.hasOwnProperty.call(files2, file) ? lineText(files2[file], loc.line) : loc.lineText;
  const start = byteToUtf16(line, loc.column);
  const end = byteToUtf16(line, loc.column + loc.length);
  const d = { file, line: loc.line, column: start + 1, message: text2, severity };
  if (loc.length > 0) {
    d.endLine = loc.line;
    d.endColumn = end + 1;
  }
  return d;
}
function fixMap(mapJson) {
  const map = JSON.parse(mapJson);
  map.sources = map.sources.map(userFile);
  return JSON.stringify(map);
}
async function compileEntry(esbuild2, files2, entry) {
  try {
    const result = await esbuild2.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "cjs",
      platform: "neutral",
      target: "es2022",
      mainFields: [],
      sourcemap: "external",
      sourcesContent: true,
      outfile: "bundle.js",
      charset: "utf8",
      logLevel: "silent",
      plugins: [playgroundFiles(files2)]
    });
    const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"));
    return {
      bundle: { code: js.text, map: fixMap(map.text) },
      diagnostics: result.warnings.map((w) => toDiagnostic(w, "warning", files2, entry))
    };
  } catch (e) {
    const failure = e;
    if (!Array.isArray(failure.errors)) throw e;
    return {
      bundle: null,
      diagnostics: [
        ...failure.errors.map((m) => toDiagnostic(m, "error", files2, entry)),
        ...(failure.warnings ?? []).map((m) => toDiagnostic(m, "warning", files2, entry))
      ]
    };
  }
}
var MAX_COMPILE_INPUT_CHARS = 1e6;
function oversized(files2) {
  const names = Object.keys(files2);
  const total = names.reduce((n, f) => n + files2[f].length, 0);
  if (total <= MAX_COMPILE_INPUT_CHARS) return null;
  const biggest = names.reduce((a, b) => files2[b].length > files2[a].length ? b : a);
  const message = `The module files are ${total} characters in total; the playground compiles at most ${MAX_COMPILE_INPUT_CHARS} (its limit for compile input). Make ${biggest} smaller.`;
  return { bundles: {}, diagnostics: [{ file: biggest, line: 1, column: 1, message, severity: "error" }], files: names };
}
async function compileModules(esbuild2, files2, entries) {
  const tooBig = oversized(files2);
  if (tooBig) return tooBig;
  const bundles = {};
  const entryDiagnostics = {};
  const diagnostics = [];
  const seen = /* @__PURE__ */ new Set();
  for (const entry of [...new Set(entries)]) {
    const r = await compileEntry(esbuild2, files2, entry);
    if (r.bundle) bundles[entry] = r.bundle;
    entryDiagnostics[entry] = r.diagnostics;
    for (const d of r.diagnostics) {
      const key = JSON.stringify([d.file, d.line, d.column, d.message, d.severity]);
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return { bundles, diagnostics, entryDiagnostics, files: Object.keys(files2) };
}

// src/pipeline/compile.ts
async function compile(esbuild2, files2, entries) {
  const isPy = (f) => f.endsWith(".py");
  const result = await compileModules(esbuild2, files2, entries.filter((e) => !isPy(e)));
  const py = Object.keys(files2).filter(isPy);
  if (py.length === 0) return result;
  const python = {};
  for (const f of py) python[f] = files2[f];
  return { ...result, files: [...result.files ?? [], ...py.filter((f) => !(result.files ?? []).includes(f))], python };
}
function needsPython(compiled2) {
  return !!compiled2.python && Object.keys(compiled2.python).length > 0;
}

// src/scenario/durations.ts
var UNIT_MS = {
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 6048e5
};
var PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/y;
function parseDuration(value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: "a duration must be a finite number of milliseconds" };
    if (!Number.isInteger(value))
      return { ok: false, message: `a duration in milliseconds must be a whole number (got ${value}); write e.g. "1.5s" for fractions` };
    if (value < 0) return { ok: false, message: `a duration cannot be negative (got ${value})` };
    return { ok: true, ms: value };
  }
  if (typeof value !== "string") {
    return { ok: false, message: `expected a duration such as 30s, 5m, 1m30s or a number of milliseconds` };
  }
  const s = value.trim();
  if (s === "") return { ok: false, message: "empty duration; write e.g. 30s, 5m or 250ms" };
  if (/^-/.test(s)) return { ok: false, message: `a duration cannot be negative (got "${value}")` };
  if (/^\d+$/.test(s)) return { ok: true, ms: Number(s) };
  let total = 0;
  let pos = 0;
  const seen = /* @__PURE__ */ new Set();
  while (pos < s.length) {
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (!m) return { ok: false, message: badDuration(value) };
    if (seen.has(m[2])) return { ok: false, message: `duration "${value}" repeats the unit "${m[2]}"` };
    seen.add(m[2]);
    total += Number(m[1]) * UNIT_MS[m[2]];
    pos = PART.lastIndex;
    while (s[pos] === " ") pos++;
  }
  const ms = Math.round(total);
  if (Math.abs(total - ms) > 1e-6) return { ok: false, message: `duration "${value}" is not a whole number of milliseconds` };
  if (!Number.isSafeInteger(ms)) return { ok: false, message: `duration "${value}" is too large` };
  return { ok: true, ms };
}
function badDuration(value) {
  return `"${value}" is not a duration; use a number of milliseconds or a string like 250ms, 30s, 5m, 1h or 1m30s`;
}
function formatDuration(ms) {
  if (ms === 0) return "0s";
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1e3) return `${ms}ms`;
  const d = Math.floor(ms / 864e5);
  const h = Math.floor(ms % 864e5 / 36e5);
  const m = Math.floor(ms % 36e5 / 6e4);
  const sms = ms % 6e4;
  const sec = sms % 1e3 === 0 ? `${sms / 1e3}s` : `${(sms / 1e3).toFixed(3).replace(/0+$/, "")}s`;
  let out = d ? `${d}d` : "";
  if (h || d && (m || sms)) out += `${h}h`;
  if (m || (d || h) && sms) out += `${m}m`;
  if (sms) out += sec;
  return out;
}

// src/scenario/expectErrors.ts
function noErrors(t, expected = /* @__PURE__ */ new Set()) {
  const problems = [];
  for (const e of t.errors) problems.push({ text: `the run stopped: ${e.message}` });
  t.events.forEach((e, i) => {
    const at = formatDuration(e.at);
    switch (e.type) {
      case "error":
        problems.push({ text: `error on ${e.server} at ${at}: ${e.message}`, event: i });
        break;
      case "router_call":
        if (e.error) problems.push({ text: `${e.module} ${e.callback} threw on ${e.server} at ${at}: ${e.error.message}`, event: i });
        else if (e.warnings.length) problems.push({ text: `${e.module} ${e.callback} on ${e.server} at ${at}: ${e.warnings[0]}`, event: i });
        break;
      case "request":
        if (e.response.status >= 400 && !(e.label !== null && expected.has(e.label))) {
          const body = e.response.body;
          const why = body && typeof body === "object" ? [body.errcode, body.error].filter((x) => typeof x === "string").join(" ") : "";
          problems.push({ text: `${e.request.method} ${e.request.path} by ${e.request.user} at ${at} failed: ${e.response.status}${why ? ` ${why}` : ""}`, event: i });
        }
        break;
      case "sync":
        if (e.error && !(e.label !== null && expected.has(e.label))) problems.push({ text: `/sync by ${e.user} at ${at} failed: ${e.error.status} ${e.error.errcode} ${e.error.message}`, event: i });
        break;
      case "module_call":
        if (e.error) problems.push({ text: `${e.call} (${e.module ?? "module_api step"}) on ${e.server} at ${at} failed: ${e.error}`, event: i });
        break;
    }
  });
  if (problems.length === 0) return { ok: true, detail: "no module errors, wrong-typed results or failed requests" };
  const first = problems[0];
  const detail = problems.length === 1 ? first.text : `${problems.length} problems; first: ${first.text}`;
  return first.event === void 0 ? { ok: false, detail } : { ok: false, detail, event: first.event };
}

// src/scenario/suggest.ts
function editDistance(a, b, max = Infinity) {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array(m + 1);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) if (cur[j] < rowMin) rowMin = cur[j];
    if (rowMin > max + 1) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}
function closest(word, candidates) {
  const w = word.toLowerCase();
  let best;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    if (Math.abs(c.length - word.length) > 3 || c.length > 300 || word.length > 300) continue;
    const d = editDistance(w, c.toLowerCase(), Math.min(bestD, Math.floor((word.length + 3) / 3) + 1));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best === void 0) return void 0;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestD <= limit ? best : void 0;
}
function didYouMean(word, candidates) {
  const c = closest(word, candidates);
  return c === void 0 ? "" : `; did you mean ${c}?`;
}

// src/scenario/ids.ts
var SERVER_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9-]{1,63})*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
function serverNameProblem(name) {
  if (name === "") return "a server name cannot be empty";
  if (name.length > 255) return "a server name is at most 255 characters";
  if (!SERVER_NAME.test(name)) return `"${name}" is not a valid server name (a host name such as example.org, optionally with :port)`;
  return null;
}
function splitId(id) {
  const i = id.indexOf(":");
  if (i < 0) return null;
  return { local: id.slice(1, i), server: id.slice(i + 1) };
}
function mxidProblem(id) {
  if (!id.startsWith("@")) return `"${id}" is not a user id; user ids look like @alice:example.org`;
  const p = splitId(id);
  if (!p || p.local === "" || p.server === "") return `"${id}" is not a user id; user ids look like @alice:example.org`;
  if (/[\s\x00-\x1f]/.test(p.local)) return `the user id "${id}" contains whitespace or control characters`;
  if (id.length > 255) return `the user id "${id.slice(0, 40)}\u2026" is longer than 255 characters`;
  return serverNameProblem(p.server) && `the server part of "${id}" is not a valid server name`;
}
function roomIdProblem(id) {
  const p = id.startsWith("!") ? splitId(id) : null;
  if (!p || p.local === "" || p.server === "") return `"${id}" is not a room id; room ids look like !team:example.org`;
  if (/[\s\x00-\x1f]/.test(id)) return `the room id "${id}" contains whitespace or control characters`;
  return null;
}
var World = class {
  constructor(r) {
    this.r = r;
  }
  r;
  servers = [];
  users = /* @__PURE__ */ new Map();
  /** Rooms declared under `rooms:` or created by a membership step. */
  rooms = /* @__PURE__ */ new Set();
  serverOfUser(id) {
    return splitId(id)?.server ?? "";
  }
  /** A valid MXID whose server is declared (for `users:` keys). */
  checkNewUser(v, id) {
    const p = mxidProblem(id);
    if (p) {
      this.r.err(v, p);
      return false;
    }
    const server = this.serverOfUser(id);
    if (!this.servers.includes(server)) {
      this.r.err(v, `the server "${server}" of ${id} is not in servers${didYouMean(server, this.servers)}`);
      return false;
    }
    return true;
  }
  /** A reference to a declared user: text, valid, known (with did-you-mean). */
  user(v, what) {
    const id = this.r.str(v, what);
    if (id === void 0) return void 0;
    if (this.users.has(id)) return id;
    if (this.r.is.full) return void 0;
    const p = mxidProblem(id);
    if (p) {
      this.r.err(v, `${what}: ${p}`);
      return void 0;
    }
    this.r.err(v, `unknown user ${id}${this.suggestUser(id)}`);
    return void 0;
  }
  /** Candidate comparisons left for user suggestions (20k users × 50 errors would take seconds). */
  suggestBudget = 1e5;
  suggestUser(id) {
    this.suggestBudget -= this.users.size;
    const s = this.suggestBudget >= 0 ? closest(id, this.users.keys()) : void 0;
    if (s) return `; did you mean ${s}?`;
    const server = this.serverOfUser(id);
    if (!this.servers.includes(server)) {
      const ss = closest(server, this.servers);
      if (ss) return `; did you mean ${id.slice(0, id.length - server.length)}${ss}?`;
      return ` (its server "${server}" is not in servers)`;
    }
    return this.users.size ? " (declare it under users:)" : " (declare users under users:)";
  }
  /** A reference to a declared server. */
  server(v, what) {
    const s = this.r.str(v, what);
    if (s === void 0) return void 0;
    if (this.servers.includes(s)) return s;
    this.r.err(v, `unknown server ${s}${didYouMean(s, this.servers)}${closest(s, this.servers) ? "" : ` (servers: ${this.servers.join(", ")})`}`);
    return void 0;
  }
  /** A device of `user`; omitted = the user's first device. */
  device(v, user, at) {
    const def = this.users.get(user);
    if (!v) {
      if (def.devices.length === 0) {
        this.r.err(at, `${user} has no devices; add "device:" here or devices under users:`);
        return void 0;
      }
      return def.devices[0];
    }
    const d = this.r.str(v, "device");
    if (d === void 0) return void 0;
    if (def.devices.includes(d)) return d;
    this.r.err(v, `${user} has no device "${d}"${didYouMean(d, def.devices)} (devices: ${def.devices.join(", ") || "none"})`);
    return void 0;
  }
  /** A well-formed room id; `mustExist` requires a declared or created room. */
  room(v, what, mustExist) {
    const id = this.r.str(v, what);
    if (id === void 0) return void 0;
    const p = roomIdProblem(id);
    if (p) {
      this.r.err(v, p);
      return void 0;
    }
    if (mustExist && !this.rooms.has(id)) {
      this.r.err(v, `unknown room ${id}${didYouMean(id, this.rooms)}`);
      return void 0;
    }
    return id;
  }
};

// src/scenario/expectMatch.ts
function show(v) {
  return v === void 0 ? "(absent)" : JSON.stringify(v);
}
function wireMismatch(have, want) {
  for (const [k, v] of Object.entries(want)) {
    const present = have != null && Object.prototype.hasOwnProperty.call(have, k);
    const got = present ? have[k] : void 0;
    if (v === null) {
      if (present) return `with ${k} ${show(got)}, expected ${k} absent`;
    } else if (!deepEqual(got, v)) return `with ${k} ${show(got)}, expected ${show(v)}`;
  }
  return void 0;
}
function defaultRecord(user) {
  return { user_id: user, state: "offline", last_active_ts: 0, last_federation_update_ts: 0, last_user_sync_ts: 0, status_msg: null, currently_active: false };
}
function showTs(ms, start) {
  if (ms === 0) return "never (0)";
  const off = ms - start;
  return off >= 0 ? `${formatDuration(off)} after the start (${ms})` : `${formatDuration(-off)} before the start (${ms})`;
}
function recordMismatch(rec, want, start) {
  for (const [k, v] of Object.entries(want)) {
    const got = rec[k];
    if (v === void 0) continue;
    if (k === "last_active_ts" || k === "last_federation_update_ts" || k === "last_user_sync_ts") {
      const wantMs = v === "never" ? 0 : start + v;
      if (got !== wantMs) return [k, showTs(got, start), showTs(wantMs, start)];
    } else if (got !== v) return [k, show(got), show(v)];
  }
  return void 0;
}
function requestExp(t, x) {
  const idx = t.events.findIndex((e2) => (e2.type === "request" || e2.type === "sync") && e2.label === x.label);
  if (idx < 0) return { ok: false, detail: `request '${x.label}' was never answered (no request or sync event with that label in the trace)` };
  const e = t.events[idx];
  let status;
  let errcode;
  let what;
  if (e.type === "request") {
    status = e.response.status;
    const body = e.response.body;
    if (body && typeof body === "object" && typeof body.errcode === "string") errcode = body.errcode;
    what = `${e.request.method} ${e.request.path} by ${e.request.user} at ${formatDuration(e.at)}`;
  } else if (e.type === "sync") {
    status = e.error ? e.error.status : 200;
    errcode = e.error?.errcode;
    what = `/sync by ${e.user} at ${formatDuration(e.at)}`;
  } else throw new Error("unreachable");
  const got = `${status}${errcode ? ` ${errcode}` : ""}`;
  const want = `${x.status}${x.errcode ? ` ${x.errcode}` : ""}`;
  const ok = status === x.status && (x.errcode === void 0 || errcode === x.errcode);
  return { ok, detail: ok ? `${what} answered ${got}` : `${what} answered ${got}, expected ${want}`, event: idx };
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual(a[k], b[k]));
}

// src/scenario/expect.ts
function evaluateExpectations(scenario, trace) {
  const short = shortNames(scenario);
  return scenario.expect.map((x) => {
    const o = evaluate(scenario, trace, x, short);
    const res = { name: x.name ?? defaultName(scenario, x, short), ok: o.ok, detail: o.detail };
    if (o.event !== void 0) res.event = o.event;
    res.path = x.path;
    return res;
  });
}
function evaluate(sc, t, x, short) {
  switch (x.kind) {
    case "sync":
      return syncExp(t, x);
    case "state":
      return stateExp(sc, t, x);
    case "edus":
      return edusExp(t, x);
    case "request":
      return requestExp(t, x);
    case "sees":
    case "never_sees":
      return seesExp(t, x, short);
    case "no_errors":
      return noErrors(t, new Set(sc.expect.flatMap((e) => e.kind === "request" ? [e.label] : [])));
  }
}
function shortNames(sc) {
  const count = /* @__PURE__ */ new Map();
  const local = (id) => id.slice(0, Math.max(1, id.indexOf(":")));
  for (const u of sc.users) count.set(local(u.id), (count.get(local(u.id)) ?? 0) + 1);
  return (id) => count.get(local(id)) === 1 && sc.users.some((u) => u.id === id) ? local(id) : id;
}
function defaultName(sc, x, short) {
  switch (x.kind) {
    case "sync": {
      const step = sc.steps.find((s) => s.kind === "sync" && s.label === x.label);
      const who = step && step.kind === "sync" ? short(step.user) : "the client";
      const seen = Object.entries(x.sees).map(([u, v]) => `${short(u)} ${typeof v === "string" ? v : JSON.stringify(v)}`);
      const what = seen.length ? seen.join(", ") : "no presence";
      return `${who} sees ${what}${x.only && seen.length ? " (only)" : ""} in sync '${x.label}'`;
    }
    case "state": {
      const parts = Object.entries(x.users).map(([u, s]) => `${short(u)} ${typeof s === "string" ? `is ${s}` : fieldList(s)}`);
      return `${parts.join(", ") || "nothing"} at ${formatDuration(x.at)}${x.server ? ` on ${x.server}` : ""}`;
    }
    case "edus": {
      const carried = [.../* @__PURE__ */ new Set([...x.users, ...Object.keys(x.entries ?? {})])];
      const extra = [
        ...Object.entries(x.entries ?? {}).map(([u, f]) => `${short(u)} as ${fieldList(f)}`),
        ...x.count !== void 0 ? [`${x.count} EDU(s)`] : [],
        ...x.max_entries_per_edu !== void 0 ? [`at most ${x.max_entries_per_edu} entries per EDU`] : []
      ];
      const base = `EDUs to ${x.destination} ${window(x.from, x.to)} carry ${carried.map(short).join(", ") || "nobody"}${x.only ? " (only)" : ""}`;
      return extra.length ? `${base}; ${extra.join("; ")}` : base;
    }
    case "request":
      return `request '${x.label}' is answered ${x.status}${x.errcode ? ` ${x.errcode}` : ""}`;
    case "sees":
      return `${short(x.viewer)} sees ${short(x.source)}'s presence`;
    case "never_sees":
      return `${short(x.viewer)} never sees ${short(x.source)}'s presence`;
    case "no_errors":
      return "no errors";
  }
}
function fieldList(f) {
  return Object.entries(f).map(([k, v]) => `${k} ${v === null ? "absent" : typeof v === "string" ? v : JSON.stringify(v)}`).join(", ");
}
function window(from, to) {
  return to === null ? `from ${formatDuration(from)} to the end` : `between ${formatDuration(from)} and ${formatDuration(to)}`;
}
function presenceOf(e) {
  const evs = e.response?.presence?.events;
  return Array.isArray(evs) ? evs : [];
}
function describeEvent(p) {
  return `${p.sender} ${p.content?.presence}`;
}
function syncExp(t, x) {
  const idx = t.events.findIndex((e2) => e2.type === "sync" && e2.label === x.label);
  if (idx < 0) return { ok: false, detail: `sync '${x.label}' never returned (no sync event with that label in the trace)` };
  const e = t.events[idx];
  const fail2 = (detail) => ({ ok: false, detail, event: idx });
  if (e.error) return fail2(`sync '${x.label}' failed: ${e.error.status} ${e.error.errcode} ${e.error.message}`);
  const evs = presenceOf(e);
  const bySender = /* @__PURE__ */ new Map();
  for (const p of evs) bySender.set(p.sender, p);
  const carried = evs.length ? evs.map(describeEvent).join(", ") : "no presence";
  for (const [sender, want] of Object.entries(x.sees)) {
    const got = bySender.get(sender);
    if (!got) return fail2(`sync '${x.label}' has no presence for ${sender} (it returned ${carried})`);
    if (typeof want === "string") {
      if (got.content?.presence !== want) return fail2(`sync '${x.label}' returned ${sender} ${got.content?.presence}, expected ${want}`);
    } else {
      const bad = wireMismatch(got.content, want);
      if (bad) return fail2(`sync '${x.label}' returned ${sender} ${bad}`);
    }
  }
  if (x.only) {
    const extra = evs.filter((p) => !Object.hasOwn(x.sees, p.sender));
    if (extra.length) return fail2(`sync '${x.label}' also returned ${extra.map(describeEvent).join(", ")} (only: true)`);
  }
  return { ok: true, detail: `sync '${x.label}' returned ${carried}`, event: idx };
}
function stateExp(sc, t, x) {
  const seen = [];
  let last;
  for (const [user, want] of Object.entries(x.users)) {
    const server = x.server ?? splitId(user)?.server ?? "";
    let idx = -1;
    for (let i = 0; i < t.events.length; i++) {
      const e = t.events[i];
      if (e.at > x.at) break;
      if (e.type === "state" && e.server === server && e.user === user) idx = i;
    }
    const ev = idx >= 0 ? t.events[idx] : null;
    const rec = ev ? ev.after : defaultRecord(user);
    const state = rec.state;
    const since = ev ? ` (since ${formatDuration(ev.at)})` : " (no change recorded: the default record)";
    const wantState = typeof want === "string" ? want : want.state;
    const failed = (detail) => ev ? { ok: false, detail, event: idx } : { ok: false, detail };
    if (wantState !== void 0 && state !== wantState) {
      return failed(`${server}'s record of ${user} at ${formatDuration(x.at)} was ${state}${since}, expected ${wantState}`);
    }
    if (typeof want !== "string") {
      const bad = recordMismatch(rec, { ...want, state: void 0 }, sc.start_time);
      if (bad) return failed(`${server}'s record of ${user} at ${formatDuration(x.at)} has ${bad[0]} ${bad[1]}${since}, expected ${bad[2]}`);
    }
    seen.push(`${user} ${typeof want === "string" ? state : recordSummary(rec, want)} on ${server}${since}`);
    if (ev) last = idx;
  }
  const r = { ok: true, detail: `at ${formatDuration(x.at)}: ${seen.join("; ")}` };
  if (last !== void 0) r.event = last;
  return r;
}
function recordSummary(rec, want) {
  const parts = [rec.state];
  for (const k of Object.keys(want)) if (k !== "state") parts.push(`${k} ${JSON.stringify(rec[k])}`);
  return parts.join(", ");
}
function edusExp(t, x) {
  const firstCarrying = /* @__PURE__ */ new Map();
  const lastEntry = /* @__PURE__ */ new Map();
  const sizes = [];
  t.events.forEach((e, i) => {
    if (e.type !== "edu_received" || e.server !== x.destination) return;
    if (e.at < x.from || x.to !== null && e.at > x.to) return;
    const edu2 = e.edu;
    if (edu2 && edu2.edu_type !== void 0 && edu2.edu_type !== "m.presence") return;
    const push = Array.isArray(edu2?.content?.push) ? edu2.content.push : [];
    sizes.push({ event: i, entries: push.length });
    for (const p of push) {
      const u = p?.user_id;
      if (typeof u !== "string") continue;
      if (!firstCarrying.has(u)) firstCarrying.set(u, i);
      lastEntry.set(u, { entry: p, event: i });
    }
  });
  const win = window(x.from, x.to);
  const carried = firstCarrying.size ? [...firstCarrying.keys()].join(", ") : "nobody";
  const summary = `${sizes.length} m.presence EDU(s) delivered to ${x.destination} ${win} carried ${carried}`;
  const entries = x.entries ?? {};
  const expected = [.../* @__PURE__ */ new Set([...x.users, ...Object.keys(entries)])];
  for (const u of expected) {
    if (!firstCarrying.has(u)) return { ok: false, detail: `no m.presence EDU delivered to ${x.destination} ${win} carried ${u} (${summary})` };
  }
  for (const [u, want] of Object.entries(entries)) {
    const last = lastEntry.get(u);
    const bad = wireMismatch(last.entry, want);
    if (bad) {
      const at = formatDuration(t.events[last.event].at);
      return { ok: false, detail: `the last entry for ${u} in m.presence EDUs delivered to ${x.destination} ${win} (at ${at}) was sent ${bad}`, event: last.event };
    }
  }
  if (x.count !== void 0 && sizes.length !== x.count) {
    const r2 = { ok: false, detail: `${summary}; expected exactly ${x.count} EDU(s) (count)` };
    if (sizes.length > x.count) r2.event = sizes[x.count].event;
    return r2;
  }
  if (x.max_entries_per_edu !== void 0) {
    const big = sizes.find((z) => z.entries > x.max_entries_per_edu);
    if (big) {
      const at = formatDuration(t.events[big.event].at);
      return { ok: false, detail: `the m.presence EDU delivered to ${x.destination} at ${at} carried ${big.entries} entries, more than max_entries_per_edu ${x.max_entries_per_edu}`, event: big.event };
    }
  }
  if (x.only) {
    const extra = [...firstCarrying.keys()].filter((u) => !expected.includes(u));
    if (extra.length) return { ok: false, detail: `${summary}; unexpected: ${extra.join(", ")} (only: true)`, event: firstCarrying.get(extra[0]) };
  }
  const largest = sizes.reduce((m, z) => Math.max(m, z.entries), 0);
  const r = { ok: true, detail: x.max_entries_per_edu !== void 0 ? `${summary}; at most ${largest} entries per EDU` : summary };
  if (expected.length) r.event = firstCarrying.get(expected[0]);
  return r;
}
function seesExp(t, x, short) {
  const idx = t.events.findIndex((e2) => e2.type === "sync" && e2.user === x.viewer && !e2.error && presenceOf(e2).some((p2) => p2.sender === x.source));
  if (idx < 0) {
    return x.kind === "sees" ? { ok: false, detail: `no sync response to ${x.viewer} carried ${x.source}'s presence` } : { ok: true, detail: `no sync response to ${x.viewer} carried ${x.source}'s presence` };
  }
  const e = t.events[idx];
  const p = presenceOf(e).find((q2) => q2.sender === x.source);
  const where = `the sync${e.label ? ` '${e.label}'` : ""} returning at ${formatDuration(e.at)} carried ${short(x.source)} ${p.content?.presence}`;
  return x.kind === "sees" ? { ok: true, detail: `${where} to ${x.viewer}`, event: idx } : { ok: false, detail: `${where} to ${x.viewer}`, event: idx };
}

// src/engine/config.ts
var BUSY_TIMEOUT = 36e5;
var FED_PING = 15e5;
var FED_TIMEOUT = 18e5;
var TICK = 5e3;
var FIRST_TICK = 35e3;
var PERSIST_TICK = 6e4;
var FIRST_PERSIST = 12e4;
var JOIN_STALE = 6048e5;
var EDU_MAX = 50;
var STAGGER_WINDOW = 3e4;
function settingsOf(cfg) {
  const e = cfg.presence.enabled;
  return {
    name: cfg.name,
    G: cfg.presence.last_active_granularity,
    S: cfg.presence.sync_online_timeout,
    I: cfg.presence.idle_timeout,
    enabled: e !== false,
    // R70: "untracked" reads like enabled
    tracking: e === true,
    // R70: only `true` tracks
    excluded: new Set(cfg.exclude_rooms_from_presence),
    includeOfflineOnSync: cfg.presence.include_offline_users_on_sync,
    busyAllowed: cfg.experimental_features.msc3026_enabled,
    whitelist: cfg.federation_domain_whitelist ? new Set(cfg.federation_domain_whitelist) : null,
    rrPerSecond: cfg.federation_rr_transactions_per_room_per_second
  };
}
function domainOf(user_id) {
  const i = user_id.indexOf(":");
  return i < 0 ? null : user_id.slice(i + 1);
}

// src/engine/queue.ts
function before(a, b) {
  if (a.time !== b.time) return a.time < b.time;
  if (a.klass !== b.klass) return a.klass < b.klass;
  return a.seq < b.seq;
}
var EventQueue = class {
  heap = [];
  seq = 0;
  get size() {
    return this.heap.length;
  }
  push(time, klass, run) {
    const item = { time, klass, seq: this.seq++, run, cancelled: false };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
    return item;
  }
  peek() {
    return this.heap[0];
  }
  pop() {
    const h = this.heap;
    if (h.length === 0) return void 0;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
};

// src/engine/state.ts
var PRESENCE_STATES = {
  ONLINE: "online",
  UNAVAILABLE: "unavailable",
  OFFLINE: "offline",
  BUSY: "org.matrix.msc3026.busy"
};
var hasField = (c, f) => Object.prototype.propertyIsEnumerable.call(c, f);
var UserPresenceState = class _UserPresenceState {
  user_id;
  state;
  last_active_ts;
  last_federation_update_ts;
  last_user_sync_ts;
  status_msg;
  currently_active;
  /** The trace's plain copy (built once, shared by every event that shows this record). */
  #dict = null;
  /** recordKey() of this record, built once (records pass through several router calls). */
  #key = null;
  /** recordKey(r), cached on the record. */
  static keyOf(r) {
    return r.#key ??= valueKey(r);
  }
  constructor(r) {
    this.user_id = r.user_id;
    this.state = r.state;
    this.last_active_ts = r.last_active_ts;
    this.last_federation_update_ts = r.last_federation_update_ts;
    this.last_user_sync_ts = r.last_user_sync_ts;
    this.status_msg = r.status_msg;
    this.currently_active = r.currently_active;
    Object.freeze(this);
  }
  /** R2/R4: the record of a user the server knows nothing about. */
  static default(user_id) {
    return new _UserPresenceState({
      user_id,
      state: "offline",
      last_active_ts: 0,
      last_federation_update_ts: 0,
      last_user_sync_ts: 0,
      status_msg: null,
      currently_active: false
    });
  }
  /** Like `{ ...this.as_dict(), ...changes }`: own enumerable fields of `changes` win. */
  copy_and_replace(changes) {
    const c = changes;
    return new _UserPresenceState({
      user_id: hasField(c, "user_id") ? c.user_id : this.user_id,
      state: hasField(c, "state") ? c.state : this.state,
      last_active_ts: hasField(c, "last_active_ts") ? c.last_active_ts : this.last_active_ts,
      last_federation_update_ts: hasField(c, "last_federation_update_ts") ? c.last_federation_update_ts : this.last_federation_update_ts,
      last_user_sync_ts: hasField(c, "last_user_sync_ts") ? c.last_user_sync_ts : this.last_user_sync_ts,
      status_msg: hasField(c, "status_msg") ? c.status_msg : this.status_msg,
      currently_active: hasField(c, "currently_active") ? c.currently_active : this.currently_active
    });
  }
  /** Plain data with the fields in R2 order (a fresh object: modules may change it). */
  as_dict() {
    return {
      user_id: this.user_id,
      state: this.state,
      last_active_ts: this.last_active_ts,
      last_federation_update_ts: this.last_federation_update_ts,
      last_user_sync_ts: this.last_user_sync_ts,
      status_msg: this.status_msg,
      currently_active: this.currently_active
    };
  }
  /**
   * The engine's trace copy: as_dict(), built once per record and frozen, so every
   * event showing this record (state before/after, router_call input/output, final)
   * shares one object instead of copying it again. Same JSON.
   */
  traceDict() {
    return this.#dict ??= Object.freeze(this.as_dict());
  }
  /** R2: value equality over all seven fields. */
  equals(o) {
    return this === o || this.user_id === o.user_id && this.state === o.state && this.last_active_ts === o.last_active_ts && this.last_federation_update_ts === o.last_federation_update_ts && this.last_user_sync_ts === o.last_user_sync_ts && this.status_msg === o.status_msg && this.currently_active === o.currently_active;
  }
};
function recordKey(r) {
  return r instanceof UserPresenceState ? UserPresenceState.keyOf(r) : valueKey(r);
}
function valueKey(r) {
  const m = r.status_msg;
  return r.user_id.length + ":" + r.user_id + r.state.length + ":" + r.state + "|" + r.last_active_ts + "|" + r.last_federation_update_ts + "|" + r.last_user_sync_ts + "|" + (m === null ? "n" : "s" + m.length + ":" + m) + "|" + (r.currently_active ? 1 : 0);
}

// src/engine/wire.ts
function pyTruthy(v) {
  if (v === null || v === void 0 || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}
function formatPresence(r, now, withUserId) {
  const c = { presence: r.state };
  if (withUserId) c.user_id = r.user_id;
  if (r.last_active_ts) c.last_active_ago = now - r.last_active_ts;
  if (pyTruthy(r.status_msg)) c.status_msg = r.status_msg;
  if (r.state === PRESENCE_STATES.ONLINE) c.currently_active = r.currently_active;
  return c;
}
function pathSegment(s) {
  return encodeURIComponent(s).replace(/%40/g, "@").replace(/%3A/gi, ":");
}
function presencePath(user) {
  return `/_matrix/client/v3/presence/${pathSegment(user)}/status`;
}
function matrixError(errcode, error, extra) {
  return { errcode, error, ...extra };
}
var HttpError = class extends Error {
  constructor(status, errcode, message, extra) {
    super(message);
    this.status = status;
    this.errcode = errcode;
    this.extra = extra;
    this.name = "HttpError";
  }
  status;
  errcode;
  extra;
  body() {
    return matrixError(this.errcode, this.message, this.extra);
  }
};
var RouterInconsistencyError = class extends HttpError {
  constructor(detail) {
    super(500, "M_UNKNOWN", "Internal server error");
    this.detail = detail;
    this.name = "RouterInconsistencyError";
  }
  detail;
};

// src/engine/federation.ts
async function sendToInterestedDestinations(s, states, kind) {
  if (!s.set.tracking) return;
  const local = states.filter((r) => s.isLocal(r.user_id));
  if (!local.length) return;
  const rooms = s.world.rooms;
  const hosts = /* @__PURE__ */ new Map();
  const add = (host, rec, via, routed2) => {
    let g2 = hosts.get(host);
    if (!g2) hosts.set(host, g2 = { recs: [], vias: [], routed: false });
    g2.recs.push(rec);
    g2.vias.push(via);
    if (routed2) g2.routed = true;
  };
  for (const rec of local) {
    for (const room of rooms.roomsOfUser(rec.user_id)) {
      if (s.set.excluded.has(room)) continue;
      const reason = rooms.reason(room);
      for (const host of rooms.hostsIn(room)) add(host, rec, reason, false);
    }
  }
  const routed = await s.router.get_users_for_states(local, { site: kind === "ping" ? "ping" : "federation", for_user: null });
  for (const [key, recs] of routed) {
    const host = domainOf(key);
    if (host === null) throw new RouterInconsistencyError(`router returned the key '${key}', which is not a user id`);
    for (const rec of recs) add(host, rec, "router", true);
  }
  const batch = ++s.fedBatch;
  for (const [host, g2] of hosts) {
    const keep = g2.routed ? checkLocal(s, g2.recs, host) : g2.recs;
    if (host === s.name || !allowed(s, host)) continue;
    if (keep === g2.recs) {
      for (let i = 0; i < g2.recs.length; i++) enqueue(s, host, g2.recs[i], g2.vias[i], batch);
    } else {
      const ok = new Set(keep);
      for (let i = 0; i < g2.recs.length; i++) if (ok.has(g2.recs[i])) enqueue(s, host, g2.recs[i], g2.vias[i], batch);
    }
  }
}
function checkLocal(s, recs, host) {
  const bad = recs.filter((r) => !s.isLocal(r.user_id));
  if (!bad.length) return recs;
  if (s.fidelity.assert_local_federation_records) {
    throw new RouterInconsistencyError(
      `presence router: records of non-local user(s) ${[...new Set(bad.map((r) => r.user_id))].join(", ")} were routed to ${host}; Synapse only federates its own users' presence (R34)`
    );
  }
  s.world.log(s, "warning", `dropped non-local record(s) bound for ${host} (R34 assertion disabled)`);
  return recs.filter((r) => s.isLocal(r.user_id));
}
function allowed(s, host) {
  return !s.set.whitelist || s.set.whitelist.has(host);
}
function enqueueForDestinations(s, recs, hosts, via) {
  if (!s.set.tracking || !recs.length || !hosts.length) return;
  const ok = checkLocal(s, [...recs], hosts.join(", "));
  const batch = ++s.fedBatch;
  for (const host of hosts) {
    if (host === s.name || !allowed(s, host)) continue;
    for (const rec of ok) enqueue(s, host, rec, via, batch);
  }
}
function enqueue(s, host, rec, via, batch) {
  let q2 = s.fedQueues.get(host);
  if (!q2) s.fedQueues.set(host, q2 = { pending: /* @__PURE__ */ new Map(), sendScheduled: false, busyUntil: -Infinity });
  const old = q2.pending.get(rec.user_id);
  if (old && old.batch === batch) {
    old.record = rec;
    if (!old.via.includes(via)) old.via.push(via);
  } else {
    q2.pending.set(rec.user_id, { record: rec, via: [via], batch });
  }
  if (!q2.sendScheduled) scheduleSend(s, host, q2);
}
function scheduleSend(s, host, q2) {
  const now = s.now;
  if (s.fedWake.at !== now) s.fedWake = { at: now, count: 0 };
  const step = 1e3 / s.set.rrPerSecond;
  const offset = Math.min(Math.round(s.fedWake.count * step), STAGGER_WINDOW);
  s.fedWake.count++;
  const at = Math.max(now + offset, q2.busyUntil);
  q2.sendScheduled = true;
  s.world.schedule(at, 0 /* Federation */, () => sendTransaction(s, host, q2));
}
function sendTransaction(s, host, q2) {
  q2.sendScheduled = false;
  if (!q2.pending.size) return;
  const now = s.now;
  const entries = [];
  for (const [u, p] of q2.pending) {
    if (entries.length >= EDU_MAX) break;
    entries.push(p);
    q2.pending.delete(u);
  }
  const edu2 = {
    edu_type: "m.presence",
    content: { push: entries.map((p) => formatPresence(p.record, now, true)) }
  };
  const txn_id = `${s.name}:${++s.txnSeq}`;
  s.world.recorder.emit({ at: s.at(), server: s.name, type: "edu_sent", destination: host, txn_id, edu: edu2 });
  const delay = s.world.federationDelay();
  const deliverAt = Math.max(now + delay, q2.busyUntil);
  q2.busyUntil = deliverAt;
  const vias = new Map(entries.map((p) => [p.record.user_id, p.via]));
  s.world.schedule(deliverAt, 0 /* Federation */, () => s.world.deliverEdu(s.name, host, edu2, vias));
  if (q2.pending.size) {
    q2.sendScheduled = true;
    s.world.schedule(deliverAt, 0 /* Federation */, () => sendTransaction(s, host, q2));
  }
}

// src/engine/devices.ts
function priority(state) {
  switch (state) {
    case PRESENCE_STATES.BUSY:
      return 4;
    case PRESENCE_STATES.ONLINE:
      return 3;
    case PRESENCE_STATES.UNAVAILABLE:
      return 2;
    default:
      return 1;
  }
}
function newDevice(device_id) {
  return { device_id, state: PRESENCE_STATES.OFFLINE, last_active_ts: 0, last_sync_ts: 0 };
}
function getOrCreateDevice(devices, device_id) {
  let d = devices.get(device_id);
  if (!d) {
    d = newDevice(device_id);
    devices.set(device_id, d);
  }
  return d;
}
function combine(devices) {
  let best = null;
  for (const d of devices) {
    if (!best || priority(d.state) > priority(best.state) || priority(d.state) === priority(best.state) && d.last_active_ts > best.last_active_ts) {
      best = d;
    }
  }
  return best ? best.state : PRESENCE_STATES.OFFLINE;
}

// src/engine/fanout.ts
async function fanOut(s, batch) {
  const rooms = s.world.rooms;
  const excluded = s.set.excluded;
  const selfWoken = /* @__PURE__ */ new Set();
  for (const r of batch) if (s.isLocal(r.user_id)) selfWoken.add(r.user_id);
  const routed = await s.router.get_users_for_states(batch, { site: "wake", for_user: null });
  const routerWoken = /* @__PURE__ */ new Set();
  for (const key of routed.keys()) if (s.isLocal(key)) routerWoken.add(key);
  const pending = s.pending;
  const candidates = [];
  for (const u of pending.keys()) candidates.push(u);
  for (const u of selfWoken) if (!pending.has(u)) candidates.push(u);
  for (const u of routerWoken) if (!pending.has(u) && !selfWoken.has(u)) candidates.push(u);
  const isCandidate = (u) => pending.has(u) || selfWoken.has(u) || routerWoken.has(u);
  const roomReasons = /* @__PURE__ */ new Map();
  const addReason = (m, reason) => {
    const rs = roomReasons.get(m);
    if (!rs) roomReasons.set(m, [reason]);
    else if (!rs.includes(reason)) rs.push(reason);
  };
  if (candidates.length) {
    const seenRooms = /* @__PURE__ */ new Set();
    const hits = [];
    for (const r of batch) {
      for (const room of rooms.roomsOfUser(r.user_id)) {
        if (excluded.has(room)) continue;
        if (seenRooms.has(room)) continue;
        seenRooms.add(room);
        const members = rooms.localMembers(room, s.name);
        if (!members.size) continue;
        const reason = rooms.reason(room);
        if (members.size <= candidates.length) {
          for (const m of members.keys()) if (isCandidate(m)) addReason(m, reason);
        } else {
          hits.length = 0;
          for (const c of candidates) {
            const seq = members.get(c);
            if (seq !== void 0) hits.push([seq, c]);
          }
          if (hits.length > 1) hits.sort((a, b) => a[0] - b[0]);
          for (const [, m] of hits) addReason(m, reason);
        }
      }
    }
  }
  const woken = /* @__PURE__ */ new Map();
  const add = (u) => {
    if (woken.has(u)) return;
    const reasons = roomReasons.get(u) ?? [];
    if (selfWoken.has(u)) reasons.push("self");
    if (routerWoken.has(u)) reasons.push("router");
    woken.set(u, reasons);
  };
  for (const u of roomReasons.keys()) add(u);
  for (const u of selfWoken) add(u);
  for (const u of routerWoken) add(u);
  const at = s.at();
  for (const [user, reasons] of woken) {
    s.world.recorder.emit({ at, server: s.name, type: "wake", user, reasons });
    s.world.notifyUser(s, user);
  }
  if (s.set.tracking) await sendToInterestedDestinations(s, batch, "notify");
}
function joinPushes(s, ev) {
  if (!s.set.tracking) return;
  if (ev.membership !== "join") return;
  if (s.set.excluded.has(ev.room)) return;
  const rooms = s.world.rooms;
  const newly = ev.user;
  const prevLocal = [];
  const prevRemoteHosts = /* @__PURE__ */ new Set();
  for (const u of rooms.joinedMembers(ev.room)) {
    if (u === newly) continue;
    if (s.isLocal(u)) prevLocal.push(u);
    else prevRemoteHosts.add(domainOf(u) ?? "");
  }
  const newLocal = s.isLocal(newly) ? [newly] : [];
  const newRemoteHosts = /* @__PURE__ */ new Set();
  if (!s.isLocal(newly)) {
    const h = domainOf(newly) ?? "";
    if (!prevRemoteHosts.has(h)) newRemoteHosts.add(h);
  }
  const now = s.now;
  if (prevLocal.length && newRemoteHosts.size) {
    const recs = prevLocal.map((u) => s.lookup(u)).filter((r) => r.state !== PRESENCE_STATES.OFFLINE || now - r.last_active_ts < JOIN_STALE || r.status_msg !== null);
    enqueueForDestinations(s, recs, [...newRemoteHosts], "join");
  }
  if (newLocal.length && (prevRemoteHosts.size || newRemoteHosts.size)) {
    const recs = newLocal.map((u) => s.lookup(u));
    enqueueForDestinations(s, recs, [...prevRemoteHosts, ...newRemoteHosts], "join");
  }
}

// src/engine/rules.ts
var { ONLINE, OFFLINE, BUSY, UNAVAILABLE } = PRESENCE_STATES;
function shouldNotify(old, n, G) {
  if (old.equals(n)) return false;
  if (old.status_msg !== n.status_msg) return true;
  if (old.state !== n.state) return true;
  if (old.state === ONLINE) {
    if (n.currently_active !== old.currently_active) return true;
    if (n.last_active_ts - old.last_active_ts > G && !n.currently_active) return true;
  } else if (n.last_active_ts - old.last_active_ts > G) {
    return true;
  }
  return false;
}
function handleUpdate(prev, n, isLocal, now, cfg) {
  const timers = [];
  const setTimers = !cfg.persistOnly;
  let ping = false;
  let currentlyActive = n.currently_active;
  let fedTs = n.last_federation_update_ts;
  if (isLocal) {
    if (n.state === ONLINE) {
      if (setTimers) timers.push(n.last_active_ts + cfg.I);
      const active = now - n.last_active_ts < cfg.G;
      currentlyActive = active;
      if (active && setTimers) timers.push(n.last_active_ts + cfg.G);
    }
    if (n.state !== OFFLINE) {
      if (setTimers) timers.push(n.last_user_sync_ts + cfg.S);
      if (now - fedTs > FED_PING) {
        fedTs = now;
        ping = true;
      }
    }
    if (n.state === BUSY && setTimers) timers.push(n.last_user_sync_ts + BUSY_TIMEOUT);
  } else if (setTimers) {
    timers.push(fedTs + FED_TIMEOUT);
  }
  if (currentlyActive !== n.currently_active || fedTs !== n.last_federation_update_ts) {
    n = n.copy_and_replace({ currently_active: currentlyActive, last_federation_update_ts: fedTs });
  }
  let notify = false;
  if (shouldNotify(prev, n, cfg.G)) {
    if (n.last_federation_update_ts !== now) n = n.copy_and_replace({ last_federation_update_ts: now });
    notify = true;
  }
  return { record: n, notify, ping, timers };
}
var UNCHANGED = { record: null, devices: null };
function handleTimeout(s, isLocal, devices, isSyncing, now, t) {
  if (s.state === OFFLINE) return UNCHANGED;
  let changed = false;
  let newDevices = null;
  if (isLocal) {
    if (devices) {
      let deviceChanged = false;
      const kept = /* @__PURE__ */ new Map();
      for (const [id, d] of devices) {
        let state = d.state;
        if (state === ONLINE && now - d.last_active_ts > t.I) {
          state = UNAVAILABLE;
          deviceChanged = true;
        }
        if (!isSyncing(id)) {
          const limit = state === BUSY ? BUSY_TIMEOUT : t.S;
          if (now - Math.max(d.last_sync_ts, d.last_active_ts) > limit) {
            deviceChanged = true;
            continue;
          }
        }
        kept.set(id, state === d.state ? d : { ...d, state });
      }
      if (deviceChanged) {
        newDevices = kept;
        const c = combine(kept.values());
        if (c !== s.state) {
          s = s.copy_and_replace({ state: c });
          changed = true;
        }
      }
    }
    if (now - s.last_active_ts > t.G) changed = true;
    if (now - s.last_federation_update_ts > FED_PING) changed = true;
  } else if (now - s.last_federation_update_ts > FED_TIMEOUT) {
    s = s.copy_and_replace({ state: OFFLINE });
    changed = true;
  }
  return changed || newDevices ? { record: changed ? s : null, devices: newDevices } : UNCHANGED;
}

// src/engine/handler.ts
var { ONLINE: ONLINE2, UNAVAILABLE: UNAVAILABLE2, OFFLINE: OFFLINE2, BUSY: BUSY2 } = PRESENCE_STATES;
function isValidPresence(s, presence2) {
  if (presence2 === ONLINE2 || presence2 === UNAVAILABLE2 || presence2 === OFFLINE2) return true;
  return presence2 === BUSY2 && s.set.busyAllowed;
}
async function pipeline(s, records, cause, forceNotify = false) {
  const now = s.now;
  if (!s.set.enabled) {
    if (records.length) s.world.log(s, "debug", `presence is disabled: dropped ${records.length} update(s)`);
    return;
  }
  let updates = records;
  if (records.length > 1) {
    const byUser = /* @__PURE__ */ new Map();
    for (const r of records) byUser.set(r.user_id, r);
    if (byUser.size !== records.length) updates = [...byUser.values()];
  }
  const cfg = s.updateConfig;
  const notify = [];
  const ping = [];
  const notified = new Array(updates.length);
  const at = s.at();
  const wheel = s.wheel;
  for (let i = 0; i < updates.length; i++) {
    const n = updates[i];
    const u = n.user_id;
    const prev = s.peek(u);
    const res = handleUpdate(prev, n, s.isLocal(u), now, cfg);
    for (const d of res.timers) wheel.insert(now, u, d);
    const isNotified = notified[i] = res.notify || forceNotify;
    s.current.set(u, res.record);
    if (!prev.equals(res.record)) {
      s.world.recorder.emit({
        at,
        server: s.name,
        type: "state",
        user: u,
        before: prev.traceDict(),
        after: res.record.traceDict(),
        notified: isNotified,
        cause
      });
    }
    if (isNotified) notify.push(res.record);
    else if (res.ping) ping.push(res.record);
  }
  if (notify.length) {
    s.persist(notify);
    await fanOut(s, notify);
  }
  for (let i = 0; i < updates.length; i++) {
    if (notified[i]) s.unpersisted.delete(updates[i].user_id);
    else s.unpersisted.add(updates[i].user_id);
  }
  if (ping.length) await sendToInterestedDestinations(s, ping, "ping");
}
async function setState(s, user, device_id, state, isSync, forceNotify, cause) {
  let presence2 = state.presence;
  if (!isValidPresence(s, presence2)) throw new HttpError(400, "M_UNKNOWN", "Invalid presence state");
  if (!s.set.tracking) return;
  const now = s.now;
  const prev = s.lookup(user);
  if (isSync && prev.state === BUSY2) presence2 = BUSY2;
  let devices = s.devices.get(user);
  if (!devices) s.devices.set(user, devices = /* @__PURE__ */ new Map());
  const d = getOrCreateDevice(devices, device_id);
  d.state = presence2;
  d.last_active_ts = now;
  if (isSync) d.last_sync_ts = now;
  const combined = combine(devices.values());
  const changes = { state: combined };
  if (combined === ONLINE2 || combined === BUSY2) changes.last_active_ts = now;
  if (isSync) changes.last_user_sync_ts = now;
  else changes.status_msg = state.status_msg ?? null;
  await pipeline(s, [prev.copy_and_replace(changes)], cause, forceNotify);
}
async function bumpActive(s, user, device_id) {
  if (!s.set.tracking) return;
  const now = s.now;
  let devices = s.devices.get(user);
  if (!devices) s.devices.set(user, devices = /* @__PURE__ */ new Map());
  const d = getOrCreateDevice(devices, device_id);
  d.last_active_ts = now;
  if (d.state === UNAVAILABLE2) d.state = ONLINE2;
  const prev = s.lookup(user);
  await pipeline(s, [prev.copy_and_replace({ last_active_ts: now, state: combine(devices.values()) })], "activity");
}
async function syncEnded(s, user, device_id) {
  const key = `${user}\0${device_id}`;
  s.syncing.set(key, (s.syncing.get(key) ?? 1) - 1);
  if ((s.syncing.get(key) ?? 0) <= 0) s.syncing.delete(key);
  const prev = s.lookup(user);
  await pipeline(s, [prev.copy_and_replace({ last_user_sync_ts: s.now })], "sync_end");
}
function persistUnpersisted(s) {
  if (!s.unpersisted.size) return;
  const recs = [...s.unpersisted].map((u) => s.current.get(u) ?? UserPresenceState.default(u));
  s.unpersisted = /* @__PURE__ */ new Set();
  if (s.fidelity.periodic_repersist) s.persist(recs);
  else for (const r of recs) s.stored.set(r.user_id, r);
}

// src/engine/presence-source.ts
var offline = (r) => r.state === PRESENCE_STATES.OFFLINE;
async function getNewEvents(s, user, from, includeOffline, site = "sync") {
  const where = { site, for_user: user };
  let snapshot = false;
  const mark = s.fullMark.get(user);
  if (from !== null && mark !== void 0 && from <= mark) {
    from = null;
    includeOffline = false;
    snapshot = true;
  }
  if (from === s.streamPos) return [];
  const X = await s.router.get_interested_users(user, where);
  const extraVia = snapshot ? ["module_api"] : [];
  if (X === "ALL") {
    let candidates;
    if (from === null) {
      candidates = [];
      for (const u of s.lastPos.keys()) candidates.push(s.stored.get(u));
    } else {
      candidates = s.changedSince(from).map((u) => s.lookup(u));
    }
    if (!includeOffline) candidates = candidates.filter((r) => !offline(r));
    const routed = await s.router.get_users_for_states(candidates, where);
    const mine = routed.get(user);
    if (!mine) {
      if (!s.fidelity.all_users_requires_mapping) return [];
      throw new RouterInconsistencyError(
        `presence router: get_interested_users('${user}') returned ALL_USERS but get_users_for_states has no entry for '${user}', so Synapse fails the request (KeyError, R51/S8)`
      );
    }
    return mine.map((record) => ({ record, via: ["router", ...extraVia] }));
  }
  const rooms = s.world.rooms;
  const excluded = s.set.excluded;
  const out = [];
  const myRooms = rooms.roomsOfUser(user);
  const viaOf = (u) => {
    if (u === user) return ["self", ...extraVia];
    let via = null;
    const theirs = rooms.roomsOfUser(u);
    if (theirs.size) {
      for (const r of myRooms) if (theirs.has(r) && !excluded.has(r)) (via ??= []).push(rooms.reason(r));
    }
    if (X.has(u)) (via ??= []).push("router");
    if (!via) return null;
    for (const v of extraVia) via.push(v);
    return via;
  };
  if (from !== null) {
    const log = s.streamLog;
    for (let pos = from + 1; pos <= log.length; pos++) {
      const u = log[pos - 1];
      if (s.lastPos.get(u) !== pos) continue;
      const via = viaOf(u);
      if (!via) continue;
      const record = s.lookup(u);
      if (!includeOffline && offline(record)) continue;
      out.push({ record, via });
    }
    return out;
  }
  const seen = /* @__PURE__ */ new Set([user]);
  for (const room of rooms.roomsOfUser(user)) {
    if (excluded.has(room)) continue;
    for (const m of rooms.joinedMembers(room)) seen.add(m);
  }
  for (const u of X) seen.add(u);
  for (const u of seen) {
    const record = s.lookup(u);
    if (!includeOffline && offline(record)) continue;
    out.push({ record, via: viaOf(u) });
  }
  return out;
}

// src/engine/moduleapi-impl.ts
async function moduleCall(s, call, args, module, fn) {
  const slot = s.world.recorder.reserve();
  const at = s.at();
  let error = null;
  try {
    await fn();
  } catch (e) {
    error = e instanceof RouterInconsistencyError ? e.detail : e instanceof Error ? e.message : String(e);
    s.world.error(s, `${call} failed: ${error}`, module ?? void 0);
    throw e;
  } finally {
    s.world.recorder.fill(slot, { at, server: s.name, type: "module_call", call, args: structuredCloneSafe(args), module, error });
  }
}
function structuredCloneSafe(args) {
  try {
    return JSON.parse(JSON.stringify(args));
  } catch {
    return args.map((a) => String(a));
  }
}
async function sendLocalOnlinePresenceTo(s, users) {
  if (!Array.isArray(users)) throw new TypeError("send_local_online_presence_to expects a list of user ids");
  const local = [];
  const remote = [];
  for (const u of users) {
    const list = s.isLocal(u) ? local : remote;
    if (!list.includes(u)) list.push(u);
  }
  if (local.length) {
    const T = s.streamPos;
    for (const u of local) s.fullMark.set(u, T);
    const u0 = local[0];
    const cur = s.lookup(u0);
    const state = { presence: cur.state };
    if (!s.fidelity.status_msg_quirk) state.status_msg = cur.status_msg;
    await setState(s, u0, null, state, false, true, "module_api");
  }
  for (const r of remote) {
    const vis = await getNewEvents(s, r, null, false, "snapshot");
    const recs = vis.map((v) => v.record);
    const host = domainOf(r);
    if (host === null) throw new HttpError(400, "M_INVALID_PARAM", `Invalid user id ${r}`);
    enqueueForDestinations(s, recs, [host], "module_api");
  }
}
async function setPresenceForUsers(s, updates) {
  const entries = updates instanceof Map ? [...updates] : Object.entries(updates ?? {});
  const recs = [];
  for (const [u, v] of entries) {
    if (!Array.isArray(v) || v.length !== 2) throw new TypeError(`set_presence_for_users: value for ${u} must be [state, status_msg]`);
    recs.push(s.lookup(u).copy_and_replace({ state: v[0], status_msg: v[1] ?? null }));
  }
  await pipeline(s, recs, "module_api", true);
}
function createServerApi(s) {
  const world = s.world;
  return {
    server_name: s.name,
    start_time: world.start,
    now: () => world.now,
    is_mine: (u) => typeof u === "string" && s.isLocal(u),
    user_exists: (u) => world.userSet.has(u) && s.isLocal(u),
    send_local_online_presence_to: (users, module) => moduleCall(s, "send_local_online_presence_to", [users], module, () => sendLocalOnlinePresenceTo(s, users)),
    set_presence_for_users: (updates, module) => moduleCall(s, "set_presence_for_users", [updates], module, () => setPresenceForUsers(s, updates)),
    get_state_events_in_room(room_id, types) {
      if (!world.rooms.hasHost(room_id, s.name)) return [];
      const evs = world.rooms.memberEvents(room_id);
      if (!types) return evs;
      return evs.filter((e) => types.some(([t, k]) => t === e.type && (k === null || k === e.state_key)));
    },
    update_room_membership: (sender, target, room_id, membership2, module) => moduleCall(s, "update_room_membership", [sender, target, room_id, membership2], module, async () => {
      world.changeMembership(target, room_id, membership2);
    }),
    schedule(delay_ms, fn, module) {
      const item = world.schedule(world.now + Math.max(0, delay_ms), 2 /* Step */, () => {
        world.moduleRan = true;
        try {
          void Promise.resolve(fn()).then(void 0, (e) => world.moduleError(s, e, module));
        } catch (e) {
          world.moduleError(s, e, module);
        }
      });
      return { cancel: () => void (item.cancelled = true) };
    }
  };
}

// src/engine/modules/format.ts
var MAX_LEN = 2e3;
var MAX_ITEMS = 50;
function formatArgs(args) {
  const out = args.map((a) => typeof a === "string" ? a : formatValue(a)).join(" ");
  return out.length > MAX_LEN ? out.slice(0, MAX_LEN) + "\u2026" : out;
}
function formatValue(v, depth = 0, seen = /* @__PURE__ */ new Set()) {
  try {
    return fmt(v, depth, seen);
  } catch (e) {
    return `<unreadable: ${safeMessage(e)}>`;
  }
}
function fmt(v, depth, seen) {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return depth === 0 ? v : JSON.stringify(v);
    case "number":
    case "boolean":
    case "undefined":
      return String(v);
    case "bigint":
      return `${v}n`;
    case "symbol":
      return v.toString();
    case "function":
      return `[Function ${v.name || "anonymous"}]`;
  }
  if (seen.has(v)) return "[Circular]";
  if (depth > 3) return "[\u2026]";
  seen.add(v);
  try {
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    if (isSet(v)) {
      const items2 = take(Set.prototype.values.call(v)).map((x) => fmt(x, depth + 1, seen));
      return `Set(${Reflect.get(Set.prototype, "size", v)}) {${items2.join(", ")}}`;
    }
    if (isMap(v)) {
      const items2 = take(Map.prototype.entries.call(v)).map(
        ([k, x]) => `${fmt(k, depth + 1, seen)} => ${fmt(x, depth + 1, seen)}`
      );
      return `Map(${Reflect.get(Map.prototype, "size", v)}) {${items2.join(", ")}}`;
    }
    if (Array.isArray(v)) {
      const items2 = v.slice(0, MAX_ITEMS).map((x) => fmt(x, depth + 1, seen));
      if (v.length > MAX_ITEMS) items2.push(`\u2026 ${v.length - MAX_ITEMS} more`);
      return `[${items2.join(", ")}]`;
    }
    const keys = Object.keys(v);
    const items = keys.slice(0, MAX_ITEMS).map((k) => `${JSON.stringify(k)}: ${fmt(v[k], depth + 1, seen)}`);
    if (keys.length > MAX_ITEMS) items.push(`\u2026 ${keys.length - MAX_ITEMS} more`);
    const proto = Object.getPrototypeOf(v);
    const name = proto && proto !== Object.prototype && typeof proto.constructor === "function" ? proto.constructor.name : "";
    return `${name && name !== "Object" ? `${name} ` : ""}{${items.join(", ")}}`;
  } finally {
    seen.delete(v);
  }
}
function take(it) {
  const out = [];
  for (let r = it.next(); !r.done; r = it.next()) {
    if (out.length === MAX_ITEMS) {
      out.push("\u2026");
      break;
    }
    out.push(r.value);
  }
  return out;
}
function isSet(v) {
  if (typeof v !== "object" || v === null) return false;
  try {
    Set.prototype.has.call(v, void 0);
    return true;
  } catch {
    return false;
  }
}
function isMap(v) {
  if (typeof v !== "object" || v === null) return false;
  try {
    Map.prototype.has.call(v, void 0);
    return true;
  } catch {
    return false;
  }
}
function safeMessage(e) {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
    if (typeof e === "object" && e !== null && typeof e.message === "string") {
      const name = e.name;
      return `${typeof name === "string" ? name : "Error"}: ${e.message}`;
    }
    return formatValue(e, 1);
  } catch {
    return "<unreadable error>";
  }
}
function describeType(v) {
  try {
    if (v === null) return "null";
    if (v === void 0) return "undefined";
    if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "\u2026" : v)}`;
    if (typeof v !== "object") return `a ${typeof v}`;
    if (Array.isArray(v)) return "an array";
    if (isSet(v)) return "a Set";
    if (isMap(v)) return "a Map";
    if (typeof v.then === "function") return "a Promise";
    const proto = Object.getPrototypeOf(v);
    const name = proto && typeof proto.constructor === "function" ? proto.constructor.name : "";
    if (proto === null || name === "Object") return "a plain object";
    return name ? `a ${name}` : "an object";
  } catch {
    return "an unreadable object";
  }
}

// src/engine/rng.ts
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/engine/recorder.ts
var LIMITS = { events: 2e5, consoleLines: 1e4, consoleBytes: 1e6 };
var CONSOLE = /* @__PURE__ */ Symbol("console output");
var Recorder = class {
  events = [];
  /** Reserved slots not filled yet (all() copies the list only when some remain). */
  open = 0;
  consoleLines = 0;
  consoleBytes = 0;
  full = { events: false, console: false };
  deliveries = [];
  /** Records e; false when it was dropped (over a limit). */
  emit(e) {
    if (e[CONSOLE] && !this.consoleFits(e)) return false;
    if (this.events.length >= LIMITS.events) {
      this.overflow("events", e, `the run reached the playground limit of ${LIMITS.events} trace events; later events were not recorded (deliveries and final states are complete)`);
      return false;
    }
    this.events.push(e);
    return true;
  }
  consoleFits(e) {
    const bytes = e.type === "log" ? e.message.length : 0;
    if (this.consoleLines + 1 <= LIMITS.consoleLines && this.consoleBytes + bytes <= LIMITS.consoleBytes) {
      this.consoleLines++;
      this.consoleBytes += bytes;
      return true;
    }
    this.overflow("console", e, `console output reached the playground limit of ${LIMITS.consoleLines} lines per run (or ${LIMITS.consoleBytes} characters); later output was not recorded`);
    return false;
  }
  /** The first time a limit is hit: one warning past the limit, naming it. */
  overflow(which2, e, message) {
    if (this.full[which2]) return;
    this.full[which2] = true;
    const module = which2 === "console" && e.type === "log" && e.module ? e.module : "playground limit";
    this.events.push({ at: e.at, server: e.server, type: "log", level: "warning", message, module });
  }
  /** A slot for an event known later; -1 when the event limit is reached (fill ignores it). */
  reserve() {
    if (this.events.length >= LIMITS.events) return -1;
    this.events.push(null);
    this.open++;
    return this.events.length - 1;
  }
  fill(slot, e) {
    if (slot < 0) {
      this.overflow("events", e, `the run reached the playground limit of ${LIMITS.events} trace events; later events were not recorded (deliveries and final states are complete)`);
      return;
    }
    if (this.events[slot] === null) this.open--;
    this.events[slot] = e;
  }
  deliver(d) {
    this.deliveries.push(d);
  }
  /** The events (a fresh array: the recorder keeps its own). */
  all() {
    return this.open ? this.events.filter((e) => e !== null) : this.events.slice();
  }
};

// src/engine/modules/env.ts
function hashSeed(seed, ...parts) {
  let h = (2166136261 ^ seed >>> 0) >>> 0;
  h = Math.imul(h, 16777619) >>> 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    h ^= 255;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
var LEVELS = {
  debug: "debug",
  log: "info",
  info: "info",
  warn: "warning",
  error: "error"
};
function traceAt(api) {
  return api.now() - (api.start_time ?? 0);
}
function createModuleEnv(opts) {
  const { api, emit, module } = opts;
  const random = mulberry32(hashSeed(opts.seed, api.server_name, module));
  let full = false;
  return {
    now: () => api.now(),
    random,
    console(level, args) {
      if (full) return;
      const e = { at: traceAt(api), server: api.server_name, type: "log", level: LEVELS[level] ?? "info", message: formatArgs(args), module };
      full = emit(Object.defineProperty(e, CONSOLE, { value: true })) === false;
    }
  };
}

// src/engine/modules/invoke.ts
var MAX_TURNS = 1e4;
function locateSafely(host, err) {
  try {
    return host.locate(err);
  } catch {
    return { message: safeMessage(err) };
  }
}
function thenOf(v) {
  if (typeof v !== "object" && typeof v !== "function" || v === null) return void 0;
  return v.then;
}
async function settle(p, timing2) {
  let result = { done: false };
  Promise.resolve(p).then(
    (value) => result = { done: true, value },
    (error) => result = { done: true, error: error ?? new Error(String(error)) }
  );
  await void 0;
  if (result.done || !timing2) {
    for (let i = 1; i < MAX_TURNS && !result.done; i++) await void 0;
    return result;
  }
  const t0 = timing2.now();
  for (let i = 1; i < MAX_TURNS && !result.done; i++) await void 0;
  timing2.ms += timing2.now() - t0;
  return result;
}
async function invokeCallback(fn, arg, opts) {
  const timing2 = opts.timing;
  if (typeof fn !== "function") {
    return { ok: false, error: { message: `TypeError: the registered ${opts.name} is ${describeType(fn)}, not a function` }, warning: null };
  }
  let ret;
  let then2;
  const t0 = timing2 ? timing2.now() : 0;
  try {
    ret = fn(arg);
    then2 = thenOf(ret);
  } catch (e) {
    if (timing2) timing2.ms += timing2.now() - t0;
    return { ok: false, error: locateSafely(opts.host, e), warning: null };
  }
  if (timing2) timing2.ms += timing2.now() - t0;
  if (typeof then2 !== "function") {
    if (!opts.legacy && opts.strictAsync) {
      return {
        ok: false,
        error: null,
        warning: `returned ${describeType(ret)} instead of a Promise: callbacks registered with register_presence_router_callbacks must be async (R60); result skipped`
      };
    }
    return { ok: true, value: ret };
  }
  const r = await settle(ret, timing2);
  if (!r.done) {
    return {
      ok: false,
      error: null,
      warning: "the returned Promise did not settle: the simulated clock stands still during a router callback, so it cannot await timers or sleep(); result skipped",
      unsettled: true
    };
  }
  if ("error" in r && r.error !== void 0) return { ok: false, error: locateSafely(opts.host, r.error), warning: null };
  return { ok: true, value: r.value };
}

// src/engine/modules/enter.ts
var NOTHING = () => {
};
function inModule(host, module, what, at, fn) {
  const leave = host.enter ? host.enter(module, what, at) : NOTHING;
  try {
    return fn();
  } finally {
    leave();
  }
}
async function inModuleAsync(host, module, what, at, fn) {
  const leave = host.enter ? host.enter(module, what, at) : NOTHING;
  try {
    return await fn();
  } finally {
    leave();
  }
}

// src/engine/modules/validate.ts
var MAX_RESULT_ITEMS = 1e5;
var ResultTooLarge = class extends Error {
};
function mappingEntries(v, limit = MAX_RESULT_ITEMS) {
  if (isMap(v)) {
    const out = [];
    const it = Map.prototype.entries.call(v);
    for (let r = it.next(); !r.done; r = it.next()) {
      if (out.length >= limit) throw new ResultTooLarge();
      out.push(r.value);
    }
    return out;
  }
  if (!isPlainObject(v)) return null;
  const keys = Object.keys(v);
  if (keys.length > limit) throw new ResultTooLarge();
  return keys.map((k) => [k, v[k]]);
}
function isPlainObject(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
function setValues(v, budget) {
  const out = [];
  const it = Set.prototype.values.call(v);
  for (let r = it.next(); !r.done; r = it.next()) {
    if (--budget.left < 0) throw new ResultTooLarge();
    out.push(r.value);
  }
  return out;
}
function toPresenceState(v) {
  if (typeof v !== "object" || v === null) return `expected a UserPresenceState, got ${describeType(v)}`;
  let r;
  try {
    const o = v;
    r = {
      user_id: o.user_id,
      state: o.state,
      last_active_ts: o.last_active_ts,
      last_federation_update_ts: o.last_federation_update_ts,
      last_user_sync_ts: o.last_user_sync_ts,
      status_msg: o.status_msg,
      currently_active: o.currently_active
    };
  } catch (e) {
    return `reading a state failed (${safeMessage(e)})`;
  }
  const bad = [];
  if (typeof r.user_id !== "string") bad.push("user_id");
  if (typeof r.state !== "string") bad.push("state");
  for (const f of ["last_active_ts", "last_federation_update_ts", "last_user_sync_ts"]) {
    if (!Number.isFinite(r[f])) bad.push(f);
  }
  if (r.status_msg !== null && typeof r.status_msg !== "string") bad.push("status_msg");
  if (typeof r.currently_active !== "boolean") bad.push("currently_active");
  if (bad.length) return `expected a UserPresenceState, got ${describeType(v)} with missing or wrong-typed ${bad.join(", ")}`;
  return new UserPresenceState(r);
}

// src/engine/modules/combine.ts
var DIRECT = { site: "direct", for_user: null };
var MAX_WARNINGS = 20;
function tooLarge() {
  return `returned more than ${MAX_RESULT_ITEMS} items (playground limit); result skipped`;
}
function timing(measure) {
  const perf = globalThis.performance;
  if (!measure || !perf) return void 0;
  return { now: () => perf.now(), ms: 0 };
}
var Warnings = class {
  list = [];
  dropped = 0;
  add(w) {
    if (this.list.length < MAX_WARNINGS) this.list.push(w);
    else this.dropped++;
  }
  done() {
    if (this.dropped) this.list.push(`\u2026 and ${this.dropped} more warnings`);
    return this.list;
  }
};
function createRouter(regs, ctx) {
  const { api, emit, host, fidelity } = ctx;
  let calls = 0;
  const nextCallId = ctx.nextCallId ?? (() => ++calls);
  const call = async (reg, callback, arg) => {
    const at = traceAt(api);
    const t = timing(ctx.measure);
    const outcome = await inModuleAsync(
      host,
      reg.module,
      callback,
      at,
      () => invokeCallback(reg[callback], arg, {
        name: callback,
        legacy: reg.legacy,
        strictAsync: fidelity.strict_async,
        host,
        timing: t
      })
    );
    if (!outcome.ok && outcome.unsettled) ctx.onUnsettled?.();
    return { at, outcome, ms: t ? Math.round(t.ms * 1e3) / 1e3 : 0 };
  };
  const record = (id, where, reg, callback, at, ms, input, output, warnings, error) => {
    emit({ at, server: api.server_name, type: "router_call", call: id, site: where.site, for_user: where.for_user, module: reg.module, callback, input, output, ms, warnings, error });
    if (error) {
      emit({ at, server: api.server_name, type: "log", level: "error", message: `${reg.module} ${callback} raised ${error.message}; skipped (R63)`, module: reg.module });
    }
    for (const w of warnings) {
      emit({ at, server: api.server_name, type: "log", level: "warning", message: `${reg.module} ${callback} ${w}`, module: reg.module });
    }
  };
  const readMapping = (value, w, given) => {
    let entries;
    try {
      entries = mappingEntries(value);
    } catch (e) {
      w.add(e instanceof ResultTooLarge ? tooLarge() : `could not be read (${safeMessage(e)}); skipped`);
      return null;
    }
    if (entries === null) {
      w.add(`returned ${describeType(value)}; expected a Map or a plain object of user_id \u2192 Set of states (skipped)`);
      return null;
    }
    const out = [];
    const budget = { left: MAX_RESULT_ITEMS };
    try {
      for (const [key, v] of entries) {
        if (!isSet(v)) {
          const k = typeof key === "string" ? JSON.stringify(key) : describeType(key);
          w.add(`returned ${describeType(v)} for ${k}; expected a Set (this and the remaining entries skipped, S17)`);
          break;
        }
        if (typeof key !== "string") {
          w.add(`returned ${describeType(key)} as a key; expected a user id string (entry skipped)`);
          continue;
        }
        const states = [];
        for (const x of setValues(v, budget)) {
          const s = given.has(x) ? x : toPresenceState(x);
          if (typeof s === "string") w.add(`for ${JSON.stringify(key)}: ${s} (value skipped)`);
          else states.push(s);
        }
        out.push([key, states]);
      }
    } catch {
      w.add(tooLarge());
      return null;
    }
    return out;
  };
  const get_users_for_states = async (states, where = DIRECT) => {
    const merged = /* @__PURE__ */ new Map();
    if (regs.length === 0) return /* @__PURE__ */ new Map();
    const id = nextCallId();
    const input = Object.freeze([...states]);
    const given = new Set(input);
    const inputPlain = input.map((s) => s.traceDict());
    for (const reg of [...regs]) {
      const { at, outcome, ms } = await call(reg, "get_users_for_states", input);
      const w = new Warnings();
      let output = null;
      if (!outcome.ok) {
        if (outcome.warning) w.add(outcome.warning);
      } else {
        const entries = inModule(host, reg.module, "get_users_for_states (reading its result)", at, () => readMapping(outcome.value, w, given));
        if (entries) {
          output = {};
          for (const [key, list] of entries) {
            let into = merged.get(key);
            if (!into) merged.set(key, into = /* @__PURE__ */ new Map());
            for (const s of list) {
              const k = recordKey(s);
              if (!into.has(k)) into.set(k, s);
            }
            const plain = list.map((s) => s.traceDict());
            if (key === "__proto__") Object.defineProperty(output, key, { value: plain, enumerable: true, writable: true, configurable: true });
            else output[key] = plain;
          }
        }
      }
      record(id, where, reg, "get_users_for_states", at, ms, inputPlain, output, w.done(), outcome.ok ? null : outcome.error);
    }
    return new Map([...merged].map(([k, m]) => [k, [...m.values()]]));
  };
  const get_interested_users = async (user_id, where = DIRECT) => {
    const acc = /* @__PURE__ */ new Set();
    if (regs.length === 0) return acc;
    const id = nextCallId();
    for (const reg of [...regs]) {
      const { at, outcome, ms } = await call(reg, "get_interested_users", user_id);
      const w = new Warnings();
      let output = null;
      if (!outcome.ok) {
        if (outcome.warning) w.add(outcome.warning);
      } else if (outcome.value === "ALL") {
        record(id, where, reg, "get_interested_users", at, ms, user_id, "ALL", w.done(), null);
        return "ALL";
      } else {
        const value = outcome.value;
        output = inModule(host, reg.module, "get_interested_users (reading its result)", at, () => {
          if (!isSet(value)) {
            w.add(`expected a Set, got ${describeType(value)} (skipped; return a Set of user ids or PresenceRouter.ALL_USERS)`);
            return null;
          }
          try {
            const users = [];
            for (const u of setValues(value, { left: MAX_RESULT_ITEMS })) {
              if (typeof u === "string") users.push(u);
              else w.add(`returned a Set containing ${describeType(u)}; expected user id strings (value skipped)`);
            }
            for (const u of users) acc.add(u);
            return users;
          } catch {
            w.add(tooLarge());
            return null;
          }
        });
      }
      record(id, where, reg, "get_interested_users", at, ms, user_id, output, w.done(), outcome.ok ? null : outcome.error);
    }
    return acc;
  };
  return {
    get active() {
      return regs.length > 0;
    },
    get_users_for_states,
    get_interested_users
  };
}

// src/engine/contracts.ts
var ModuleLoadError = class extends Error {
  constructor(message, file, line, column) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.name = "ModuleLoadError";
  }
  file;
  line;
  column;
};

// src/synapse/runtime.ts
var PRESENCE_ALL_USERS = "ALL";
var PresenceRouter = class {
  static ALL_USERS = PRESENCE_ALL_USERS;
};
var PresenceState = Object.freeze({ ...PRESENCE_STATES });
var ConfigError = class extends Error {
  path;
  constructor(msg, path) {
    super(msg);
    this.name = "ConfigError";
    this.path = path ? Object.freeze([...path]) : null;
  }
};
var synapseRuntime = Object.freeze({
  __esModule: true,
  PresenceRouter,
  PRESENCE_ALL_USERS,
  PresenceState,
  ConfigError,
  UserPresenceState
});
function isConfigError(err) {
  if (err instanceof ConfigError) return true;
  try {
    return typeof err === "object" && err !== null && err.name === "ConfigError";
  } catch {
    return false;
  }
}

// src/engine/modules/api.ts
var NEITHER_OR_BOTH = "PresenceRouter modules must register neither or both of the paired callbacks: [get_users_for_states, get_interested_users]";
var UNAVAILABLE_PROPERTIES = [
  "http_client",
  "public_room_list_manager",
  "public_baseurl",
  "email_app_name",
  "worker_name",
  "worker_app",
  "account_data_manager"
];
var UNAVAILABLE_METHODS = [
  "register_spam_checker_callbacks",
  "register_account_validity_callbacks",
  "register_third_party_rules_callbacks",
  "register_password_auth_provider_callbacks",
  "register_background_update_controller_callbacks",
  "register_account_data_callbacks",
  "register_media_repository_callbacks",
  "register_ratelimit_callbacks",
  "register_add_extra_fields_to_unsigned_client_event_callbacks",
  "register_web_resource",
  "get_userinfo_by_id",
  "get_user_by_req",
  "register",
  "register_user",
  "register_device",
  "record_user_external_id",
  "generate_short_term_login_token",
  "invalidate_access_token",
  "run_db_interaction",
  "register_cached_function",
  "invalidate_cache",
  "complete_sso_login_async",
  "get_threepids_for_user",
  "create_and_send_event_into_room",
  "should_run_background_tasks",
  "send_http_push_notification",
  "send_mail",
  "get_user_ip_and_agents",
  "get_room_state",
  "defer_to_thread",
  "defer_to_threadpool",
  "check_push_rule_actions",
  "set_push_rule_action",
  "get_monthly_active_users_by_service",
  "get_canonical_room_alias",
  "lookup_room_alias",
  "create_room",
  "set_displayname",
  "get_profile_for_user",
  "is_user_admin",
  "set_user_admin"
];
function unavailable(name) {
  return new Error(`ModuleApi.${name} is not available in the playground`);
}
function userList(users, what) {
  const iterate = typeof users === "object" && users !== null ? users[Symbol.iterator] : void 0;
  if (typeof iterate !== "function") {
    throw new TypeError(`${what} expects a list or Set of user ids, got ${describeType(users)}`);
  }
  const out = [];
  const it = isSet(users) ? Set.prototype.values.call(users) : iterate.call(users);
  for (let r = it.next(); !r.done; r = it.next()) {
    if (typeof r.value !== "string") throw new TypeError(`${what}: user ids must be strings, got ${describeType(r.value)}`);
    out.push(r.value);
  }
  return out;
}
function presenceUpdates(users) {
  const entries = isMap(users) ? [...Map.prototype.entries.call(users)] : typeof users === "object" && users !== null && !Array.isArray(users) ? Object.entries(users) : (() => {
    throw new TypeError(`set_presence_for_users expects a Map or object of user_id \u2192 [state, status_msg], got ${describeType(users)}`);
  })();
  const out = {};
  for (const [user, v] of entries) {
    if (typeof user !== "string") throw new TypeError(`set_presence_for_users: user ids must be strings, got ${describeType(user)}`);
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || v[1] !== null && v[1] !== void 0 && typeof v[1] !== "string") {
      throw new TypeError(`set_presence_for_users: the value for ${user} must be [state, status_msg], got ${describeType(v)}`);
    }
    out[user] = [v[0], v[1] ?? null];
  }
  return out;
}
function delayMs(ms, what) {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw new TypeError(`${what}: the delay must be a non-negative number of ms, got ${describeType(ms)}`);
  }
  return ms;
}
function createModuleApi(opts) {
  const { api, module } = opts;
  const runBackground = (f, what) => {
    try {
      const ret = opts.host ? inModule(opts.host, module, `${what} timer`, api.now() - (api.start_time ?? 0), f) : f();
      return Promise.resolve(ret).then(
        () => void 0,
        (e) => opts.onBackgroundError(e, what)
      );
    } catch (e) {
      opts.onBackgroundError(e, what);
      return Promise.resolve();
    }
  };
  const moduleApi2 = {
    server_name: api.server_name,
    is_mine: (user_id) => typeof user_id === "string" && api.is_mine(user_id),
    get_qualified_user_id: (username) => username.startsWith("@") ? username : `@${username}:${api.server_name}`,
    /** R56, R58: each call appends one pair; exactly one of the two raises. */
    register_presence_router_callbacks(callbacks, ...rest) {
      if (rest.length || typeof callbacks === "function" || callbacks != null && typeof callbacks !== "object") {
        throw new TypeError("register_presence_router_callbacks takes keyword arguments: pass one object { get_users_for_states, get_interested_users }");
      }
      for (const k of callbacks ? Object.keys(callbacks) : []) {
        if (k !== "get_users_for_states" && k !== "get_interested_users") {
          throw new TypeError(`register_presence_router_callbacks() got an unexpected keyword argument '${k}' (expected get_users_for_states and get_interested_users)`);
        }
      }
      const gufs = callbacks?.get_users_for_states ?? null;
      const giu = callbacks?.get_interested_users ?? null;
      if (gufs === null !== (giu === null)) throw new Error(NEITHER_OR_BOTH);
      if (gufs === null) return;
      opts.register({ get_users_for_states: gufs, get_interested_users: giu });
    },
    /** R67, R68. */
    send_local_online_presence_to: async (users) => api.send_local_online_presence_to(userList(users, "send_local_online_presence_to"), module),
    /** R69. */
    set_presence_for_users: async (users) => api.set_presence_for_users(presenceUpdates(users), module),
    get_state_events_in_room: async (room_id, types) => api.get_state_events_in_room(room_id, types == null ? void 0 : [...types].map(([t, k]) => [t, k ?? null])),
    update_room_membership: async (sender, target, room_id, new_membership) => api.update_room_membership(sender, target, room_id, new_membership, module),
    check_user_exists: async (user_id) => api.user_exists(user_id) ? user_id : null,
    get_current_time_msec: () => api.now(),
    /** Synapse's Clock.looping_call: first call after `msec`, then every `msec`; waits for an async f. */
    looping_background_call(f, msec, ...args) {
      const interval = delayMs(msec, "looping_background_call");
      if (interval === 0) throw new TypeError("looping_background_call: msec must be > 0");
      let timer;
      let stopped = false;
      const tick = () => {
        const started = api.now();
        void runBackground(() => f(...args), "looping_background_call").then(() => {
          if (stopped) return;
          const elapsed = api.now() - started;
          timer = api.schedule(interval - elapsed % interval, tick, module);
        });
      };
      timer = api.schedule(interval, tick, module);
      return {
        stop() {
          stopped = true;
          timer.cancel();
        }
      };
    },
    delayed_background_call(msec, f, ...args) {
      const t = api.schedule(delayMs(msec, "delayed_background_call"), () => runBackground(() => f(...args), "delayed_background_call"), module);
      return { cancel: () => t.cancel() };
    },
    sleep: (seconds) => new Promise((resolve2) => {
      api.schedule(delayMs(seconds, "sleep") * 1e3, () => resolve2(), module);
    })
  };
  for (const name of UNAVAILABLE_PROPERTIES) {
    Object.defineProperty(moduleApi2, name, {
      get() {
        throw unavailable(name);
      },
      enumerable: false
    });
  }
  for (const name of UNAVAILABLE_METHODS) {
    moduleApi2[name] = () => {
      throw unavailable(name);
    };
  }
  return Object.freeze(moduleApi2);
}

// src/engine/modules/load.ts
var LEGACY_CONSTRUCT = /* @__PURE__ */ Symbol("legacy construct");
function loadFile(ctx, entry) {
  const cached = ctx.exportsByFile.get(entry.file);
  if (cached) return cached;
  const env = createModuleEnv({ api: ctx.api, emit: ctx.emit, seed: ctx.seed, module: entry.file });
  try {
    const exports = inModule(ctx.host, entry.file, "module evaluation", traceAt(ctx.api), () => ctx.host.load(entry.file, env));
    ctx.exportsByFile.set(entry.file, exports);
    return exports;
  } catch (e) {
    if (e instanceof ModuleLoadError) {
      ctx.errors.push({ kind: "module", message: e.message, file: e.file, line: e.line, column: e.column, path: entry.path });
    } else {
      const info = locateSafely(ctx.host, e);
      ctx.errors.push({ kind: "module", message: `${entry.file} failed to load: ${info.message}`, file: info.file ?? entry.file, line: info.line, column: info.column, path: entry.path });
    }
    return null;
  }
}
function pickClass(ctx, entry, exports) {
  const names = Object.keys(exports).filter((k) => k !== "__esModule");
  if (!Object.prototype.hasOwnProperty.call(exports, entry.export) || exports[entry.export] === void 0) {
    const what = entry.export === "default" ? "no default export" : `no export '${entry.export}'`;
    const hint = names.length ? `exports: ${names.join(", ")}` : "it exports nothing";
    const fix = entry.export === "default" ? ` (write \`export default class \u2026\` or name one: ${entry.file}#Name)` : "";
    ctx.errors.push({ kind: "module", message: `${entry.file} has ${what}; ${hint}${fix}`, file: entry.file, path: `${entry.path}.module` });
    return null;
  }
  const cls = exports[entry.export];
  if (typeof cls !== "function") {
    ctx.errors.push({ kind: "module", message: `${entry.module} is ${describeType(cls)}, not a class`, file: entry.file, path: `${entry.path}.module` });
    return null;
  }
  return cls;
}
function startupError(ctx, entry, e, stage) {
  const info = locateSafely(ctx.host, e);
  const config = stage === "parse_config" || isConfigError(e);
  const message = config ? `${entry.module}: invalid config: ${info.message.replace(/^ConfigError: /, "")}` : `${entry.module}: ${stage === "constructor" ? "the constructor" : stage} raised ${info.message}`;
  const path = config ? `${entry.path}.config` : entry.path;
  ctx.errors.push({ kind: config ? "config" : "module", message, file: info.file ?? entry.file, line: info.line, column: info.column, path });
}
function hasRouterMethods(o) {
  try {
    const r = o;
    return typeof r.get_users_for_states === "function" || typeof r.get_interested_users === "function";
  } catch {
    return false;
  }
}
function loadEntry(ctx, entry, legacy) {
  const exports = loadFile(ctx, entry);
  if (!exports) return;
  const cls = pickClass(ctx, entry, exports);
  if (!cls) return;
  let config = entry.config ?? {};
  let parseConfig;
  try {
    config = inModule(ctx.host, entry.module, "parse_config", traceAt(ctx.api), () => {
      parseConfig = cls.parse_config;
      return typeof parseConfig === "function" ? parseConfig.call(cls, config) : config;
    });
  } catch (e) {
    startupError(ctx, entry, e, "parse_config");
    return;
  }
  const registrations = [];
  let constructing = true;
  const api = createModuleApi({
    api: ctx.api,
    module: entry.module,
    register: (pair) => {
      const reg = { module: entry.module, legacy: false, ...pair };
      if (constructing) registrations.push(reg);
      else ctx.registrations.push(reg);
    },
    host: ctx.host,
    onBackgroundError: (err, what) => {
      const info = locateSafely(ctx.host, err);
      ctx.emit({ at: traceAt(ctx.api), server: ctx.api.server_name, type: "error", message: `${entry.module} ${what} raised ${info.message}`, module: entry.module, error: info });
    }
  });
  let instance;
  try {
    const keywords = legacy ? cls[LEGACY_CONSTRUCT] : void 0;
    instance = inModule(
      ctx.host,
      entry.module,
      "constructor",
      traceAt(ctx.api),
      () => typeof keywords === "function" ? keywords(config, api) : new cls(config, api)
    );
  } catch (e) {
    startupError(ctx, entry, e, "constructor");
    return;
  } finally {
    constructing = false;
  }
  ctx.registrations.push(...registrations);
  if (!legacy && registrations.length === 0 && hasRouterMethods(instance)) {
    ctx.emit({
      at: traceAt(ctx.api),
      server: ctx.api.server_name,
      type: "log",
      level: "warning",
      message: `${entry.module} has get_users_for_states/get_interested_users methods but registered no callbacks: a module in modules: must call api.register_presence_router_callbacks({...}) in its constructor (R56); methods are found by name only for presence.presence_router (R57)`,
      module: entry.module
    });
  }
  if (legacy) {
    let gufs, giu;
    try {
      const o = instance;
      gufs = typeof o.get_users_for_states === "function" ? o.get_users_for_states.bind(o) : null;
      giu = typeof o.get_interested_users === "function" ? o.get_interested_users.bind(o) : null;
    } catch (e) {
      ctx.errors.push({ kind: "module", message: `${entry.module}: reading its methods failed: ${safeMessage(e)}`, file: entry.file, path: entry.path });
      return;
    }
    if (gufs === null !== (giu === null)) {
      const has = gufs ? "get_users_for_states" : "get_interested_users";
      ctx.errors.push({ kind: "module", message: `${entry.module}: ${NEITHER_OR_BOTH} (it has only ${has}, R58)`, file: entry.file, path: entry.path });
    } else if (gufs !== null) {
      ctx.registrations.push({ module: entry.module, legacy: true, get_users_for_states: gufs, get_interested_users: giu });
    }
  }
}

// src/engine/modules/index.ts
async function loadModules(opts) {
  const registrations = [];
  const ctx = {
    api: opts.api,
    host: opts.host,
    emit: opts.emit,
    seed: opts.seed,
    registrations,
    errors: [],
    exportsByFile: /* @__PURE__ */ new Map()
  };
  for (const entry of opts.server.modules) loadEntry(ctx, entry, false);
  const legacy = opts.server.presence.presence_router;
  if (legacy) loadEntry(ctx, legacy, true);
  const router = createRouter(registrations, {
    api: opts.api,
    emit: opts.emit,
    host: opts.host,
    fidelity: opts.fidelity,
    measure: opts.measure,
    onUnsettled: opts.onUnsettled,
    nextCallId: opts.nextCallId
  });
  return { router, errors: ctx.errors };
}

// src/engine/ratelimit.ts
var RateLimiter = class {
  constructor(rate, burst) {
    this.rate = rate;
    this.burst = burst;
  }
  rate;
  burst;
  buckets = /* @__PURE__ */ new Map();
  /** One attempt at `now_ms`; an allowed attempt counts, a denied one changes nothing. */
  attempt(key, now_ms) {
    const now_s = now_ms / 1e3;
    let b = this.buckets.get(key) ?? { count: 0, start_s: now_s };
    let used = b.count - (now_s - b.start_s) * this.rate;
    if (used < 0) {
      used = 0;
      b = { count: 0, start_s: now_s };
    }
    if (used > this.burst - 1) {
      const retry = Math.floor(1e3 * (b.start_s + (b.count - this.burst + 1) / this.rate - now_s));
      return { allowed: false, retry_after_ms: retry };
    }
    this.buckets.set(key, { count: b.count + 1, start_s: b.start_s });
    return { allowed: true, retry_after_ms: 0 };
  }
};

// src/engine/wheel.ts
var WheelTimer = class {
  entries = [];
  head = 0;
  /** Pending buckets' keys, earliest first (for tests). */
  keys() {
    return this.entries.slice(this.head).map((b) => b.key);
  }
  insert(now, user, then2) {
    let thenKey = Math.trunc(then2 / TICK) + 1;
    const nowKey = Math.trunc(now / TICK);
    const n = this.entries.length - this.head;
    if (n > 0) {
      const minKey = this.entries[this.head].key;
      const maxKey = this.entries[this.entries.length - 1].key;
      if (thenKey <= maxKey) {
        this.entries[this.head + Math.max(minKey, thenKey) - minKey].users.add(user);
        return;
      }
    }
    const firstNew = n > 0 ? this.entries[this.entries.length - 1].key + 1 : nowKey + 1;
    thenKey = Math.max(firstNew, thenKey);
    for (let k = firstNew; k <= thenKey; k++) this.entries.push({ key: k, users: /* @__PURE__ */ new Set() });
    this.entries[this.entries.length - 1].users.add(user);
  }
  /** Removes and returns the users of every bucket with key ≤ trunc(now / 5000), each once. */
  fetch(now) {
    const nowKey = Math.trunc(now / TICK);
    const out = /* @__PURE__ */ new Set();
    while (this.head < this.entries.length && this.entries[this.head].key <= nowKey) {
      for (const u of this.entries[this.head].users) out.add(u);
      this.head++;
    }
    if (this.head > 1024) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return [...out];
  }
};

// src/engine/server.ts
function tokenString(t) {
  return `s${t.p}_${t.m}`;
}
function parseToken(s) {
  const m = /^s(\d+)_(\d+)$/.exec(s);
  return m ? { p: Number(m[1]), m: Number(m[2]) } : null;
}
var EMPTY_ROUTER = {
  active: false,
  get_users_for_states: async () => /* @__PURE__ */ new Map(),
  get_interested_users: async () => /* @__PURE__ */ new Set()
};
var Server = class {
  constructor(cfg, world, fidelity) {
    this.cfg = cfg;
    this.world = world;
    this.fidelity = fidelity;
    this.name = cfg.name;
    this.set = settingsOf(cfg);
    this.updateConfig = { G: this.set.G, S: this.set.S, I: this.set.I, persistOnly: !this.set.tracking };
    const rc = cfg.rc_presence.per_user;
    this.putLimiter = new RateLimiter(rc.per_second, rc.burst_count);
    this.syncLimiter = new RateLimiter(rc.per_second, rc.burst_count);
  }
  cfg;
  world;
  fidelity;
  name;
  set;
  router = EMPTY_ROUTER;
  api;
  /** R4: current record per user (local and remote). */
  current = /* @__PURE__ */ new Map();
  /** Persisted records (what a restart reloads, R21; the ALL path's initial set, R51). */
  stored = /* @__PURE__ */ new Map();
  /** R5: stream position → user (log[pos - 1]); lastPos in stream order of newest position. */
  streamLog = [];
  lastPos = /* @__PURE__ */ new Map();
  /** R3 */
  devices = /* @__PURE__ */ new Map();
  /** R7: in-flight presence-affecting syncs per user\0device. */
  syncing = /* @__PURE__ */ new Map();
  /** R6 */
  fullMark = /* @__PURE__ */ new Map();
  wheel = new WheelTimer();
  /** R22.6 / R30 */
  unpersisted = /* @__PURE__ */ new Set();
  /** R8 and R12 use separate limiters. */
  putLimiter;
  syncLimiter;
  /** R39: outbound queues by destination. */
  fedQueues = /* @__PURE__ */ new Map();
  fedWake = { at: -1, count: 0 };
  fedBatch = 0;
  txnSeq = 0;
  /** Open long-polls by user. */
  pending = /* @__PURE__ */ new Map();
  /** Notifier user streams: token at which each user was last notified. */
  userStream = /* @__PURE__ */ new Map();
  /** Bumped on restart: loops of an older generation stop. */
  generation = 0;
  /** R23's settings, built once (handle_update runs for every record of every batch). */
  updateConfig;
  get now() {
    return this.world.now;
  }
  get streamPos() {
    return this.streamLog.length;
  }
  token() {
    return { p: this.streamPos, m: this.world.rooms.pos };
  }
  /** domainOf(user_id) === name, without slicing a string (hot: every fan-out). */
  isLocal(user_id) {
    const i = user_id.indexOf(":");
    return i >= 0 && user_id.length - i - 1 === this.name.length && user_id.endsWith(this.name);
  }
  /** R4 lookup for the pipeline and timeouts: no storage of defaults. */
  peek(user_id) {
    return this.current.get(user_id) ?? UserPresenceState.default(user_id);
  }
  /** R4 read (current_state_for_user): falls back to storage, then the default, and keeps it. */
  lookup(user_id) {
    let r = this.current.get(user_id);
    if (!r) {
      r = this.stored.get(user_id) ?? UserPresenceState.default(user_id);
      this.current.set(user_id, r);
    }
    return r;
  }
  isSyncing(user_id, device_id) {
    return (this.syncing.get(`${user_id}\0${device_id}`) ?? 0) > 0;
  }
  /** R5: persist a batch with consecutive new stream positions. */
  persist(records) {
    for (const r of records) {
      this.streamLog.push(r.user_id);
      this.lastPos.delete(r.user_id);
      this.lastPos.set(r.user_id, this.streamLog.length);
      this.stored.set(r.user_id, r);
    }
  }
  /** Users whose newest stream position is > from, in stream order (R50, R51). */
  changedSince(from) {
    const out = [];
    for (let pos = from + 1; pos <= this.streamLog.length; pos++) {
      const u = this.streamLog[pos - 1];
      if (this.lastPos.get(u) === pos) out.push(u);
    }
    return out;
  }
  at() {
    return this.world.now - this.world.start;
  }
};

// src/engine/sync.ts
var SET_PRESENCE = ["offline", "online", "unavailable"];
async function startSync(s, req) {
  const p = { s, req, since: null, started_at: s.at(), affect: false, done: false, timer: null, last: null };
  if (!SET_PRESENCE.includes(req.set_presence)) {
    await finish(p, fail(400, "M_INVALID_PARAM", `Query parameter 'set_presence' must be one of [${SET_PRESENCE.map((v) => `'${v}'`).join(", ")}]`));
    return p;
  }
  if (req.sinceError) {
    await finish(p, fail(400, "M_INVALID_PARAM", req.sinceError));
    return p;
  }
  if (req.since !== null) {
    p.since = parseToken(req.since);
    if (!p.since) {
      await finish(p, fail(400, "M_INVALID_PARAM", `Invalid stream token ${req.since}`));
      return p;
    }
  }
  const rl = s.syncLimiter.attempt(req.user, s.now);
  if (!rl.allowed) s.world.log(s, "debug", `${req.user}: /sync over rc_presence, presence not affected (R12)`);
  p.affect = rl.allowed && req.set_presence !== "offline" && s.set.tracking;
  if (p.affect) {
    const key = `${req.user}\0${req.device}`;
    s.syncing.set(key, (s.syncing.get(key) ?? 0) + 1);
    try {
      await setState(s, req.user, req.device, { presence: req.set_presence }, true, false, "sync");
    } catch (e) {
      p.affect = false;
      await finish(p, errorOf(s, e, req.user));
      return p;
    }
  }
  const incremental = p.since !== null && !req.full_state;
  if (!incremental || req.timeout <= 0) {
    await finish(p, await compute(p));
    return p;
  }
  let set = s.pending.get(req.user);
  if (!set) s.pending.set(req.user, set = /* @__PURE__ */ new Set());
  set.add(p);
  const stream = s.userStream.get(req.user) ?? s.token();
  s.userStream.set(req.user, stream);
  if (stream.p > p.since.p || stream.m > p.since.m) {
    const c = await compute(p);
    if (p.done) return p;
    if (c.error || c.events.length) {
      await finish(p, c);
      return p;
    }
    p.last = c;
  }
  p.timer = s.world.schedule(s.now + req.timeout, 3 /* Triggered */, async () => {
    if (!p.done) await finish(p, p.last ?? await compute(p));
  });
  return p;
}
async function reevaluate(p) {
  if (p.done) return;
  const c = await compute(p);
  if (p.done) return;
  if (c.error || c.events.length) await finish(p, c);
  else p.last = c;
}
async function abort(p, runEnd) {
  if (p.done) return;
  p.done = true;
  detach(p);
  if (runEnd && p.affect) await endSync(p);
}
function detach(p) {
  if (p.timer) p.timer.cancelled = true;
  const set = p.s.pending.get(p.req.user);
  if (set) {
    set.delete(p);
    if (!set.size) p.s.pending.delete(p.req.user);
  }
}
function fail(status, errcode, message) {
  return { events: [], next: null, error: { status, errcode, message } };
}
function errorOf(s, e, user) {
  if (e instanceof HttpError) {
    if (e.status >= 500) s.world.error(s, `/sync for ${user} failed: ${"detail" in e ? e.detail : e.message}`);
    return fail(e.status, e.errcode, e.message);
  }
  s.world.error(s, `/sync for ${user} failed: ${e instanceof Error ? e.message : String(e)}`);
  return fail(500, "M_UNKNOWN", "Internal server error");
}
async function compute(p) {
  const s = p.s;
  const next = s.token();
  try {
    const events = await presenceSection(s, p.req.user, p.since, p.req.full_state, p.req.filter?.presence, next);
    return { events, next, error: null };
  } catch (e) {
    return errorOf(s, e, p.req.user);
  }
}
async function presenceSection(s, user, since, fullState, filter, now) {
  if (filter && blocksAll(filter)) return [];
  if (!s.set.enabled) return [];
  const incremental = since !== null && !fullState;
  const from = incremental ? since.p : null;
  const includeOffline = s.set.includeOfflineOnSync || incremental;
  let vis = await getNewEvents(s, user, from, includeOffline);
  if (since !== null) vis = withNewlyJoined(s, user, since.m, now.m, vis, fullState);
  return filter ? vis.filter((v) => matches(filter, v.record.user_id)) : vis;
}
function blocksAll(f) {
  return Array.isArray(f.types) && f.types.length === 0 || (f.not_types ?? []).includes("*") || Array.isArray(f.senders) && f.senders.length === 0 || (f.not_senders ?? []).includes("*");
}
function matches(f, sender) {
  if ((f.not_types ?? []).includes("m.presence")) return false;
  if ((f.not_senders ?? []).includes(sender)) return false;
  if (f.types && !f.types.includes("m.presence")) return false;
  if (f.senders && !f.senders.includes(sender)) return false;
  return true;
}
function withNewlyJoined(s, user, fromM, toM, vis, fullState) {
  const rooms = s.world.rooms;
  const joinedNow = rooms.roomsOfUser(user);
  const extras = /* @__PURE__ */ new Set();
  const addMembers = (room) => {
    for (const [m, membership2] of rooms.memberships(room)) {
      if (membership2 === "join" || membership2 === "invite" || membership2 === "knock") extras.add(m);
    }
  };
  if (fullState) for (const room of joinedNow) addMembers(room);
  const firstPrev = /* @__PURE__ */ new Map();
  const leftInWindow = /* @__PURE__ */ new Set();
  for (const ev of rooms.eventsBetween(fromM, toM)) {
    if (ev.user === user) {
      if (!firstPrev.has(ev.room)) firstPrev.set(ev.room, ev.prev);
      if (ev.membership !== "join") leftInWindow.add(ev.room);
    }
    if (!joinedNow.has(ev.room)) continue;
    if (ev.membership === "join" || ev.membership === "invite" || ev.membership === "knock") extras.add(ev.user);
    else extras.delete(ev.user);
  }
  for (const [room, prev] of firstPrev) {
    if (joinedNow.has(room) && (prev !== "join" || leftInWindow.has(room))) addMembers(room);
  }
  extras.delete(user);
  if (!extras.size) return vis;
  const merged = /* @__PURE__ */ new Map();
  for (const v of vis) merged.set(v.record.user_id, v);
  for (const u of extras) {
    const old = merged.get(u);
    const via = old ? [...old.via.filter((x) => x !== "join"), "join"] : ["join"];
    merged.set(u, { record: s.lookup(u), via });
  }
  return [...merged.values()];
}
async function finish(p, c) {
  if (p.done) return;
  p.done = true;
  detach(p);
  const s = p.s;
  const { req } = p;
  const now = s.now;
  const response = {};
  if (c.events.length) {
    response.presence = {
      events: c.events.map((v) => ({
        type: "m.presence",
        sender: v.record.user_id,
        content: formatPresence(v.record, now, false)
      }))
    };
  }
  const next_batch = c.next ? tokenString(c.next) : "";
  s.world.recorder.emit({
    at: s.at(),
    server: s.name,
    type: "sync",
    started_at: p.started_at,
    label: req.label,
    user: req.user,
    device: req.device,
    mode: p.since === null ? "initial" : req.full_state ? "full_state" : "incremental",
    // R46, R52
    since: req.since,
    next_batch,
    response,
    error: c.error
  });
  for (const v of c.events) {
    s.world.recorder.deliver({
      at: s.at(),
      server: s.name,
      source: v.record.user_id,
      viewer: req.user,
      transport: "sync",
      state: v.record.state,
      via: v.via
    });
  }
  req.onReturn?.({ next_batch: c.next ? next_batch : null, error: c.error });
  if (p.affect) await endSync(p);
}
async function endSync(p) {
  try {
    await syncEnded(p.s, p.req.user, p.req.device);
  } catch (e) {
    p.s.world.error(p.s, `Error updating presence after sync: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// src/engine/timeouts.ts
async function timeoutTick(s) {
  const now = s.now;
  const changes = /* @__PURE__ */ new Map();
  for (const u of s.wheel.fetch(now)) {
    const r = handleTimeout(s.peek(u), s.isLocal(u), s.devices.get(u), (d) => s.isSyncing(u, d), now, s.set);
    if (r.devices) s.devices.set(u, r.devices);
    if (r.record) changes.set(u, r.record);
  }
  if (!changes.size) return;
  try {
    await pipeline(s, [...changes.values()], "timeout");
  } catch (e) {
    s.world.error(s, `presence timeout check failed: ${"detail" in e ? e.detail : String(e)}`);
  }
}
function startLoops(s) {
  const gen = ++s.generation;
  const t0 = s.now;
  if (s.set.tracking) {
    const tick = (at) => s.world.schedule(at, 1 /* Tick */, async () => {
      if (s.generation !== gen) return;
      tick(at + TICK);
      await timeoutTick(s);
    });
    tick(t0 + FIRST_TICK);
  }
  if (s.set.enabled) {
    const persist = (at) => s.world.schedule(at, 1 /* Tick */, () => {
      if (s.generation !== gen) return;
      persist(at + PERSIST_TICK);
      persistUnpersisted(s);
    });
    persist(t0 + FIRST_PERSIST);
  }
}
async function restartServer(s) {
  if (s.set.enabled) persistUnpersisted(s);
  for (const set of [...s.pending.values()]) {
    for (const p of [...set]) {
      await abort(p, false);
      p.req.onAbort?.();
    }
  }
  s.current = /* @__PURE__ */ new Map();
  s.devices = /* @__PURE__ */ new Map();
  s.syncing = /* @__PURE__ */ new Map();
  s.unpersisted = /* @__PURE__ */ new Set();
  s.wheel = new WheelTimer();
  s.userStream = /* @__PURE__ */ new Map();
  for (const q2 of s.fedQueues.values()) q2.pending.clear();
  s.fedQueues = /* @__PURE__ */ new Map();
  const rc = s.cfg.rc_presence.per_user;
  s.putLimiter = new RateLimiter(rc.per_second, rc.burst_count);
  s.syncLimiter = new RateLimiter(rc.per_second, rc.burst_count);
  await startup(s);
  s.world.log(s, "info", `${s.name} restarted`);
}
async function startup(s) {
  const now = s.now;
  for (const r of s.stored.values()) {
    if (r.state === PRESENCE_STATES.OFFLINE) continue;
    s.current.set(r.user_id, r);
    s.devices.set(r.user_id, /* @__PURE__ */ new Map([[null, { device_id: null, state: r.state, last_active_ts: r.last_active_ts, last_sync_ts: r.last_user_sync_ts }]]));
    if (s.set.tracking) {
      s.wheel.insert(now, r.user_id, r.last_active_ts + s.set.I);
      s.wheel.insert(now, r.user_id, r.last_user_sync_ts + s.set.S);
      s.wheel.insert(now, r.user_id, r.last_federation_update_ts + (s.isLocal(r.user_id) ? FED_PING : FED_TIMEOUT));
    }
  }
  startLoops(s);
}

// src/engine/clients.ts
var CLIENT_TIMEOUT = 3e4;
var CLIENT_RETRY = 5e3;
var ClientLoop = class {
  constructor(world, s, user, device, set_presence) {
    this.world = world;
    this.s = s;
    this.user = user;
    this.device = device;
    this.set_presence = set_presence;
  }
  world;
  s;
  user;
  device;
  set_presence;
  running = false;
  current = null;
  start(set_presence) {
    this.set_presence = set_presence;
    if (this.running) return;
    this.running = true;
    this.world.track(this.poll());
  }
  async stop() {
    this.running = false;
    const p = this.current;
    this.current = null;
    if (p) await abort(p, true);
  }
  async poll() {
    if (!this.running || this.current) return;
    const since = this.world.deviceToken(this.user, this.device);
    const p = await startSync(this.s, {
      user: this.user,
      device: this.device,
      set_presence: this.set_presence,
      since,
      timeout: CLIENT_TIMEOUT,
      full_state: false,
      filter: null,
      label: null,
      onReturn: (r) => {
        this.current = null;
        if (r.next_batch) this.world.setDeviceToken(this.user, this.device, r.next_batch);
        if (!this.running) return;
        if (!r.error) this.world.schedule(this.world.now, 3 /* Triggered */, () => this.poll());
        else if (r.error.status >= 500) this.world.schedule(this.world.now + CLIENT_RETRY, 2 /* Step */, () => this.poll());
        else {
          this.running = false;
          this.world.log(this.s, "warning", `client ${this.user}/${this.device} stopped: ${r.error.message}`);
        }
      },
      onAbort: () => {
        this.current = null;
        if (this.running) this.world.schedule(this.world.now, 3 /* Triggered */, () => this.poll());
      }
    });
    if (!p.done) this.current = p;
  }
};

// src/engine/inbound.ts
async function incomingPresence(s, origin, edu2, vias) {
  const content = edu2?.content;
  const rawPush = content && typeof content === "object" ? content.push : void 0;
  const push = Array.isArray(rawPush) ? rawPush : [];
  const accepted = [];
  const rejected = [];
  const emit = () => s.world.recorder.emit({ at: s.at(), server: s.name, type: "edu_received", origin, edu: edu2, accepted, rejected });
  const rejectAll = (reason) => {
    for (const e of push) rejected.push({ user_id: e?.user_id ?? null, reason });
    emit();
  };
  if (s.set.whitelist && !s.set.whitelist.has(origin)) return rejectAll(`origin ${origin} is not in federation_domain_whitelist`);
  if (!s.set.tracking) return rejectAll("presence tracking is off on this server (R42)");
  const now = s.now;
  const updates = [];
  for (const entry of push) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      accepted.length = 0;
      updates.length = 0;
      return rejectAll("an entry is not an object: the whole EDU fails (HTTP 500, R43.5)");
    }
    const e = entry;
    const user_id = e.user_id;
    if (!pyTruthy(user_id)) {
      rejected.push({ user_id: user_id ?? null, reason: "missing or empty user_id (R43.1)" });
      continue;
    }
    const host = typeof user_id === "string" ? domainOf(user_id) : null;
    if (host === null) {
      accepted.length = 0;
      updates.length = 0;
      return rejectAll(`invalid user id ${JSON.stringify(user_id)}: the whole EDU fails (HTTP 500, R43.5)`);
    }
    if (host !== origin) {
      rejected.push({ user_id, reason: `user is not on the origin server ${origin} (R43.2)` });
      continue;
    }
    if (!pyTruthy(e.presence)) {
      rejected.push({ user_id, reason: "missing or empty presence (R43.3)" });
      continue;
    }
    const lastActiveAgo = e.last_active_ago;
    if (lastActiveAgo !== void 0 && lastActiveAgo !== null && typeof lastActiveAgo !== "number") {
      accepted.length = 0;
      updates.length = 0;
      return rejectAll("last_active_ago is not a number: the whole EDU fails (HTTP 500)");
    }
    const prev = s.lookup(user_id);
    const changes = {
      state: e.presence,
      // not validated (R43.3)
      last_federation_update_ts: now
    };
    if (typeof lastActiveAgo === "number") changes.last_active_ts = now - lastActiveAgo;
    changes.status_msg = e.status_msg ?? null;
    changes.currently_active = e.currently_active ?? false;
    updates.push(prev.copy_and_replace(changes));
    accepted.push(user_id);
  }
  emit();
  if (vias) {
    for (const u of updates) {
      const via = vias.get(u.user_id);
      if (!via) continue;
      s.world.recorder.deliver({
        at: s.at(),
        server: s.name,
        source: u.user_id,
        viewer: s.name,
        transport: "federation",
        state: u.state,
        via: [...via]
      });
    }
  }
  if (updates.length) await pipeline(s, updates, "edu");
}

// src/engine/macrotask.ts
function pickTurn(g2) {
  const immediate = g2.setImmediate;
  if (typeof immediate === "function") return () => new Promise((resolve2) => void immediate(resolve2));
  const Channel = g2.MessageChannel;
  if (typeof Channel === "function") {
    const ch = new Channel();
    const waiting = [];
    ch.port1.onmessage = () => waiting.shift()?.();
    const post = ch.port2.postMessage.bind(ch.port2);
    return () => new Promise((resolve2) => {
      waiting.push(resolve2);
      post(null);
    });
  }
  const timeout = g2.setTimeout;
  if (typeof timeout === "function") return () => new Promise((resolve2) => void timeout(resolve2, 0));
  return () => Promise.resolve();
}
var macrotask = pickTurn(globalThis);

// src/engine/rest.ts
function emitRequest(s, slot, label2, request, response) {
  s.world.recorder.fill(slot, { at: s.at(), server: s.name, type: "request", label: label2, request, response });
}
function toResponse(s, e, what) {
  if (e instanceof RouterInconsistencyError) s.world.error(s, `${what} failed: ${e.detail}`);
  else if (!(e instanceof HttpError)) {
    s.world.error(s, `${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return { status: 500, body: { errcode: "M_UNKNOWN", error: "Internal server error" } };
  }
  return { status: e.status, body: e.body() };
}
async function putPresence(s, caller, device, target, body, label2) {
  const slot = s.world.recorder.reserve();
  const request = { user: caller, device, method: "PUT", path: presencePath(target), target, body };
  let res;
  try {
    if (caller !== target) throw new HttpError(403, "M_FORBIDDEN", "Can only set your own presence state");
    const rl = s.putLimiter.attempt(caller, s.now);
    if (!rl.allowed) throw new HttpError(429, "M_LIMIT_EXCEEDED", "Too many requests", { retry_after_ms: rl.retry_after_ms });
    const rest = { ...body };
    if (!("presence" in rest)) throw new HttpError(400, "M_UNKNOWN", "Unable to parse state");
    const state = { presence: rest.presence };
    delete rest.presence;
    if ("status_msg" in rest) {
      if (typeof rest.status_msg !== "string") throw new HttpError(400, "M_UNKNOWN", "status_msg must be a string.");
      state.status_msg = rest.status_msg;
      delete rest.status_msg;
    }
    if (Object.keys(rest).length) throw new HttpError(400, "M_UNKNOWN", "Unable to parse state");
    if (s.set.tracking) await setState(s, target, device, state, false, false, "put");
    res = { status: 200, body: {} };
  } catch (e) {
    res = toResponse(s, e, `PUT presence of ${target}`);
  }
  emitRequest(s, slot, label2, request, res);
  return res;
}
function getPresence(s, caller, target, label2) {
  const request = { user: caller, device: null, method: "GET", path: presencePath(target), target };
  let res;
  if (!s.set.enabled) res = { status: 200, body: { presence: "offline" } };
  else if (caller !== target && !s.world.rooms.shares(caller, target, s.set.excluded)) {
    res = { status: 403, body: { errcode: "M_FORBIDDEN", error: "You are not allowed to see their presence." } };
  } else {
    res = { status: 200, body: formatPresence(s.lookup(target), s.now, false) };
  }
  const slot = s.world.recorder.reserve();
  emitRequest(s, slot, label2, request, res);
  return res;
}

// src/engine/rooms.ts
var NONE = /* @__PURE__ */ new Set();
var NO_MEMBERS = /* @__PURE__ */ new Map();
var NO_LOCAL = /* @__PURE__ */ new Map();
var Rooms = class {
  members = /* @__PURE__ */ new Map();
  joined = /* @__PURE__ */ new Map();
  roomsOf = /* @__PURE__ */ new Map();
  servers = /* @__PURE__ */ new Map();
  /** room → host → that host's joined members → join sequence (in join order; an index for fan-out). */
  local = /* @__PURE__ */ new Map();
  joinSeq = 0;
  /** room → "room:<id>" (the via/reason string, built once). */
  reasons = /* @__PURE__ */ new Map();
  log = [];
  get pos() {
    return this.log.length;
  }
  ensure(room) {
    if (!this.members.has(room)) {
      this.members.set(room, /* @__PURE__ */ new Map());
      this.joined.set(room, /* @__PURE__ */ new Set());
      this.servers.set(room, /* @__PURE__ */ new Map());
      this.local.set(room, /* @__PURE__ */ new Map());
    }
  }
  /** Rooms at time 0: joined before the run, no event in the stream (§5). */
  addInitial(room, users) {
    this.ensure(room);
    for (const u of users) this.apply(room, u, "join");
  }
  /** A membership change; returns the event, or null when nothing changed. */
  change(user, room, membership2) {
    this.ensure(room);
    const prev = this.members.get(room).get(user) ?? null;
    if (prev === membership2) return null;
    this.apply(room, user, membership2);
    const ev = { pos: this.log.length + 1, room, user, prev, membership: membership2 };
    this.log.push(ev);
    return ev;
  }
  apply(room, user, membership2) {
    const m = this.members.get(room);
    const wasJoined = m.get(user) === "join";
    m.set(user, membership2);
    const isJoined = membership2 === "join";
    if (wasJoined === isJoined) return;
    const j = this.joined.get(room);
    const counts = this.servers.get(room);
    const host = domainOf(user) ?? "";
    let mine = this.roomsOf.get(user);
    if (!mine) this.roomsOf.set(user, mine = /* @__PURE__ */ new Set());
    const byHost = this.local.get(room);
    let loc = byHost.get(host);
    if (!loc) byHost.set(host, loc = /* @__PURE__ */ new Map());
    if (isJoined) {
      j.add(user);
      mine.add(room);
      counts.set(host, (counts.get(host) ?? 0) + 1);
      loc.set(user, ++this.joinSeq);
    } else {
      j.delete(user);
      mine.delete(room);
      const c = (counts.get(host) ?? 1) - 1;
      if (c === 0) counts.delete(host);
      else counts.set(host, c);
      loc.delete(user);
    }
  }
  /** Every member of a room with their current membership (join, invite, leave…), in first-seen order. */
  memberships(room) {
    return this.members.get(room) ?? NO_MEMBERS;
  }
  /** Joined rooms of a user, in join order. */
  roomsOfUser(user) {
    return this.roomsOf.get(user) ?? NONE;
  }
  joinedMembers(room) {
    return this.joined.get(room) ?? NONE;
  }
  /**
   * The joined members of `room` whose server is `host`, in join order (the order
   * joinedMembers() lists them in), each with a join sequence number that sorts the
   * same way.
   */
  localMembers(room, host) {
    return this.local.get(room)?.get(host) ?? NO_LOCAL;
  }
  /** "room:<room_id>", the wake reason and delivery via of a shared room. */
  reason(room) {
    let r = this.reasons.get(room);
    if (r === void 0) this.reasons.set(room, r = `room:${room}`);
    return r;
  }
  /** Servers with at least one joined member. */
  hostsIn(room) {
    return this.servers.get(room)?.keys() ?? [];
  }
  hasHost(room, host) {
    return this.servers.get(room)?.has(host) ?? false;
  }
  /** Non-excluded rooms both users are joined to (R50, R74). */
  sharedRooms(a, b, excluded) {
    const rb = this.roomsOfUser(b);
    const out = [];
    for (const r of this.roomsOfUser(a)) if (rb.has(r) && !excluded.has(r)) out.push(r);
    return out;
  }
  shares(a, b, excluded) {
    const ra = this.roomsOfUser(a);
    const rb = this.roomsOfUser(b);
    const [small, big] = ra.size <= rb.size ? [ra, rb] : [rb, ra];
    for (const r of small) if (big.has(r) && !excluded.has(r)) return true;
    return false;
  }
  /** Membership events with pos in (from, to]. */
  eventsBetween(from, to) {
    return this.log.slice(from, to);
  }
  /** m.room.member state events of a room, as ModuleApi.get_state_events_in_room gives them. */
  memberEvents(room) {
    const m = this.members.get(room);
    if (!m) return [];
    return [...m].map(([user, membership2]) => ({
      type: "m.room.member",
      state_key: user,
      sender: user,
      room_id: room,
      content: { membership: membership2 }
    }));
  }
};

// src/engine/world.ts
var World2 = class {
  constructor(scenario, host) {
    this.scenario = scenario;
    this.host = host;
    this.start = scenario.start_time;
    this.now = scenario.start_time;
    const last = scenario.steps.length ? scenario.steps[scenario.steps.length - 1].at : 0;
    this.end = scenario.duration ?? last + 3e4;
    this.userSet = new Set(scenario.users.map((u) => u.id));
    this.rng = mulberry32(scenario.seed);
    for (const cfg of scenario.servers) this.servers.set(cfg.name, new Server(cfg, this, scenario.fidelity));
    for (const r of scenario.rooms) this.rooms.addInitial(r.id, r.members);
  }
  scenario;
  host;
  now;
  start;
  end;
  queue = new EventQueue();
  rooms = new Rooms();
  recorder = new Recorder();
  servers = /* @__PURE__ */ new Map();
  userSet;
  rng;
  running = false;
  /** label → next_batch of that sync (or its `since` when it failed). */
  labels = /* @__PURE__ */ new Map();
  deviceTokens = /* @__PURE__ */ new Map();
  clients = /* @__PURE__ */ new Map();
  /** Work started at this instant that is not a queue item (client loop requests). */
  inflight = [];
  /**
   * Module code ran since the last macrotask turn: it may have left detached promise
   * chains (an un-awaited API call, code after `await api.sleep()`), which settle only
   * after the microtask queue drains. Starts true: constructors ran at load.
   */
  moduleRan = true;
  /** Combined router calls made so far, every server (router_call event ids). */
  routerCalls = 0;
  /** A callback never settled: module code spins the microtask queue (see microtasksRunaway). */
  spinning = false;
  offset() {
    return this.now - this.start;
  }
  /** Queue work. Anything due now (once running) is "triggered": after the steps at this offset. */
  schedule(time, klass, run) {
    if (this.running && time <= this.now) {
      time = this.now;
      klass = 3 /* Triggered */;
    }
    return this.queue.push(time, klass, run);
  }
  /**
   * §5 "the clock waits for ready work": a task started now (not through the queue) that
   * must finish, or park on a simulated timer or long-poll, before the clock moves.
   */
  track(p) {
    this.inflight.push(p);
  }
  /** The router as the engine calls it: each call notes that module code ran (§5). */
  watchRouter(r) {
    if (!r.active) return r;
    return {
      active: true,
      get_users_for_states: (states, site) => {
        this.moduleRan = true;
        return r.get_users_for_states(states, site);
      },
      get_interested_users: (user, site) => {
        this.moduleRan = true;
        return r.get_interested_users(user, site);
      }
    };
  }
  /** R40 [sim]: a seeded delay within scenario.federation_delay. */
  federationDelay() {
    const { min, max } = this.scenario.federation_delay;
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  serverOf(user) {
    const s = this.servers.get(domainOf(user) ?? "");
    if (!s) throw new Error(`user ${user} has no server in this scenario`);
    return s;
  }
  deviceToken(user, device) {
    return this.deviceTokens.get(`${user}\0${device}`) ?? null;
  }
  setDeviceToken(user, device, token) {
    this.deviceTokens.set(`${user}\0${device}`, token);
  }
  log(s, level, message) {
    this.recorder.emit({ at: this.offset(), server: s?.name ?? "", type: "log", level, message });
  }
  logAt(server, level, message) {
    this.recorder.emit({ at: this.offset(), server, type: "log", level, message });
  }
  error(s, message, module) {
    this.recorder.emit({ at: this.offset(), server: s.name, type: "error", message, ...module ? { module } : {} });
  }
  moduleError(s, e, module) {
    const info = this.host.locate(e);
    this.recorder.emit({
      at: this.offset(),
      server: s.name,
      type: "error",
      message: `${module ?? "module"}: ${info.message}`,
      ...module ? { module } : {},
      error: info
    });
  }
  /** Delivers a transaction sent by federation.ts to its destination server (R42–R44). */
  async deliverEdu(origin, destination, edu2, vias) {
    const s = this.servers.get(destination);
    if (!s) {
      this.logAt(origin, "warning", `federation to ${destination} failed: no such server in the scenario`);
      return;
    }
    await incomingPresence(s, origin, edu2, vias);
  }
  /** Notifier: a woken user's open long-polls re-evaluate (R31, §5). */
  notifyUser(s, user) {
    s.userStream.set(user, s.token());
    const set = s.pending.get(user);
    if (!set) return;
    for (const p of set) this.schedule(this.now, 3 /* Triggered */, () => reevaluate(p));
  }
  /** A membership change, seen by every server at once (§2); R36 pushes; long-polls re-evaluate (R52). */
  changeMembership(user, room, membership2) {
    const ev = this.rooms.change(user, room, membership2);
    if (!ev) return;
    for (const s of this.servers.values()) {
      if (this.rooms.hasHost(room, s.name) || domainOf(user) === s.name) {
        joinPushes(s, ev);
        for (const m of [...this.rooms.joinedMembers(room), user]) if (s.isLocal(m)) this.notifyUser(s, m);
      }
    }
  }
  client(user, device, set_presence) {
    const key = `${user}\0${device}`;
    let c = this.clients.get(key);
    if (!c) this.clients.set(key, c = new ClientLoop(this, this.serverOf(user), user, device, set_presence));
    return c;
  }
  async runStep(step) {
    switch (step.kind) {
      case "presence":
        await putPresence(this.serverOf(step.user), step.user, step.device, step.user, step.body, step.label);
        return;
      case "sync":
        return this.syncStep(step);
      case "client":
        if (step.run === "start") this.client(step.user, step.device, step.set_presence).start(step.set_presence);
        else await this.client(step.user, step.device, step.set_presence).stop();
        return;
      case "activity": {
        const s = this.serverOf(step.user);
        try {
          await bumpActive(s, step.user, step.device);
        } catch (e) {
          this.error(s, `activity of ${step.user} failed: ${e instanceof RouterInconsistencyError ? e.detail : String(e)}`);
        }
        return;
      }
      case "membership":
        this.changeMembership(step.user, step.room, step.membership);
        return;
      case "module_api": {
        const s = this.servers.get(step.server);
        try {
          if (step.call === "send_local_online_presence_to") await s.api.send_local_online_presence_to(step.args, null);
          else await s.api.set_presence_for_users(step.args, null);
        } catch {
        }
        return;
      }
      case "edu": {
        const s = this.servers.get(step.destination);
        await incomingPresence(s, step.origin, { edu_type: "m.presence", content: { push: step.push } }, null);
        return;
      }
      case "get_presence":
        getPresence(this.serverOf(step.user), step.user, step.target, step.label);
        return;
      case "restart":
        await restartServer(this.servers.get(step.server));
        return;
      case "until":
        return;
    }
  }
  async syncStep(step) {
    let since = null;
    let sinceError;
    if (step.since === void 0) since = this.deviceToken(step.user, step.device);
    else if (step.since !== "initial") {
      if (!this.labels.has(step.since)) sinceError = `since: the sync labelled "${step.since}" has not returned yet`;
      else since = this.labels.get(step.since) ?? null;
    }
    await startSync(this.serverOf(step.user), {
      user: step.user,
      device: step.device,
      set_presence: step.set_presence,
      since,
      sinceError,
      timeout: step.timeout,
      full_state: step.full_state,
      filter: step.filter,
      label: step.label,
      onReturn: (r) => {
        if (r.next_batch) this.setDeviceToken(step.user, step.device, r.next_batch);
        if (step.label !== null) this.labels.set(step.label, r.next_batch ?? since);
      }
    });
  }
  /**
   * Runs everything due up to the end of the run (§5). Items at one instant run one after
   * the other in queue order (federation, ticks, steps, triggered), each to completion
   * with the tasks it started (track()). Before the clock moves, if module code ran, one
   * real macrotask turn lets the module's detached promise chains settle at this instant;
   * what they queue for now runs before the clock moves too.
   */
  async run() {
    for (const c of this.scenario.clients) {
      this.queue.push(this.start, 2 /* Step */, () => this.client(c.user, c.device, c.set_presence).start(c.set_presence));
    }
    for (const step of this.scenario.steps) this.queue.push(this.start + step.at, 2 /* Step */, () => this.runStep(step));
    this.running = true;
    const endAbs = this.start + this.end;
    for (; ; ) {
      const item = this.queue.peek();
      const due = item !== void 0 && item.time <= endAbs;
      if ((!due || item.time > this.now) && this.moduleRan && !this.spinning) {
        this.moduleRan = false;
        const leave = this.host.enter ? this.host.enter("module code", "(its promise chains still running)", this.offset()) : null;
        await macrotask();
        leave?.();
        await this.settleInflight();
        continue;
      }
      if (!due) break;
      this.queue.pop();
      if (item.cancelled) continue;
      this.now = item.time;
      try {
        await item.run();
      } catch (e) {
        this.internalError(e);
      }
      await this.settleInflight();
    }
    this.now = endAbs;
  }
  /**
   * A callback's promise did not settle within the engine's bound (modules/invoke.ts), so
   * module code keeps the microtask queue busy for good and a macrotask turn would never
   * come. From here on the clock no longer waits for detached module chains (they could
   * not settle anyway); the callback itself was already skipped with a warning (R63).
   */
  microtasksRunaway() {
    if (this.spinning) return;
    this.spinning = true;
    this.log(null, "warning", "module code keeps the microtask queue busy (a promise chain that never settles): from now on the clock does not wait for the module's detached promise chains");
  }
  async settleInflight() {
    while (this.inflight.length) {
      const tasks = this.inflight;
      this.inflight = [];
      for (const t of tasks) {
        try {
          await t;
        } catch (e) {
          this.internalError(e);
        }
      }
    }
  }
  internalError(e) {
    this.recorder.emit({ at: this.offset(), server: "", type: "error", message: `internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
  }
};

// src/engine/index.ts
async function runScenario(scenario, options) {
  const world = new World2(scenario, options.host);
  const errors = [];
  for (const s of world.servers.values()) {
    s.api = createServerApi(s);
    const loaded = await loadModules({
      server: s.cfg,
      host: options.host,
      api: s.api,
      emit: (e) => world.recorder.emit(e),
      fidelity: scenario.fidelity,
      seed: scenario.seed,
      measure: options.measure ?? false,
      onUnsettled: () => world.microtasksRunaway(),
      nextCallId: () => ++world.routerCalls
    });
    s.router = world.watchRouter(loaded.router);
    errors.push(...loaded.errors);
  }
  const scenarioInfo = {
    servers: scenario.servers.map((s) => s.name),
    users: scenario.users.map((u) => u.id),
    start_time: scenario.start_time,
    end: world.end
  };
  if (errors.length) {
    return { version: 1, scenario: scenarioInfo, events: [], deliveries: [], final: {}, expectations: [], errors };
  }
  for (const s of world.servers.values()) await startup(s);
  await world.run();
  const final = {};
  for (const s of world.servers.values()) {
    const recs = {};
    for (const [u, r] of s.current) recs[u] = r.traceDict();
    final[s.name] = recs;
  }
  const partial = {
    version: 1,
    scenario: scenarioInfo,
    events: world.recorder.all(),
    deliveries: world.recorder.deliveries,
    final
  };
  const trace = { ...partial, expectations: [], errors: [] };
  trace.expectations = evaluateExpectations(scenario, { ...partial, errors: [] });
  return trace;
}

// src/engine/crosscheck.ts
var PROBE_STATES = ["online", "unavailable", "offline"];
var MAX_PROBE_CALLS = 3e3;
function defaultInstants(scenario, end) {
  const xs = /* @__PURE__ */ new Set([0]);
  for (const s of scenario.steps) {
    if (xs.size >= 8) break;
    if (s.kind === "membership" || s.kind === "module_api") xs.add(s.at);
  }
  xs.add(end);
  return [...xs].sort((a, b) => a - b);
}
async function crossCheckRun(scenario, opts) {
  const world = new World2(scenario, opts.host);
  const instants = [...opts.instants ?? defaultInstants(scenario, world.end)].filter((t) => t >= 0 && t <= world.end).sort((a, b) => a - b);
  const users = scenario.users.map((u) => u.id);
  const routed = scenario.servers.filter((s) => s.modules.length > 0 || s.presence.presence_router !== null);
  const callsPerInstant = routed.reduce((n, s) => n + users.length * PROBE_STATES.length + users.filter((u) => u.endsWith(`:${s.name}`)).length, 0);
  if (callsPerInstant === 0) return { instants, probes: [], skipped: "no server has a presence router" };
  if (callsPerInstant * instants.length > MAX_PROBE_CALLS) {
    return { instants, probes: [], skipped: `${callsPerInstant * instants.length} router calls would be needed (limit ${MAX_PROBE_CALLS}); run it on a smaller world of the same shape` };
  }
  for (const s of world.servers.values()) {
    s.api = createServerApi(s);
    const loaded = await loadModules({ server: s.cfg, host: opts.host, api: s.api, emit: () => true, fidelity: scenario.fidelity, seed: scenario.seed, measure: false, onUnsettled: () => world.microtasksRunaway() });
    if (loaded.errors.length) return { instants, probes: [], skipped: `the modules did not load: ${loaded.errors[0].message}` };
    s.router = world.watchRouter(loaded.router);
  }
  const probes = [];
  for (const at of instants) {
    world.queue.push(world.start + at, 3 /* Triggered */, async () => {
      for (const s of world.servers.values()) {
        if (!s.router.active) continue;
        const p = { at, server: s.name, routes: {}, interest: {} };
        for (const u of users) {
          for (const state of PROBE_STATES) {
            const rec = s.peek(u).copy_and_replace({ state });
            const m = await s.router.get_users_for_states([rec]);
            p.routes[`${u}	${state}`] = [...m.keys()];
          }
        }
        for (const v of users) {
          if (!s.isLocal(v)) continue;
          const r = await s.router.get_interested_users(v);
          p.interest[v] = r === "ALL" ? "ALL" : [...r];
        }
        probes.push(p);
      }
    });
  }
  for (const s of world.servers.values()) await startup(s);
  await world.run();
  return { instants, probes, skipped: null };
}

// src/analysis/cost.ts
var MINUTE = 6e4;
function zero() {
  return { gufs_calls: 0, gufs_states: 0, gis_calls: 0, module_calls: 0, all_path_syncs: 0, edus: 0, edu_entries: 0, wakeups: 0, sync_responses: 0 };
}
function runCost(trace) {
  const total = zero();
  const minutes = Array.from({ length: Math.floor(trace.scenario.end / MINUTE) + 1 }, zero);
  const perDestination = /* @__PURE__ */ new Map();
  const seenCalls = /* @__PURE__ */ new Set();
  const add = (at, f) => {
    f(total);
    f(minutes[Math.min(minutes.length - 1, Math.max(0, Math.floor(at / MINUTE)))]);
  };
  for (const e of trace.events) {
    if (e.type === "router_call") {
      add(e.at, (c) => c.module_calls++);
      const key = `${e.server}	${e.call}`;
      if (seenCalls.has(key)) continue;
      seenCalls.add(key);
      if (e.callback === "get_interested_users") add(e.at, (c) => c.gis_calls++);
      else {
        const n = Array.isArray(e.input) ? e.input.length : 0;
        add(e.at, (c) => {
          c.gufs_calls++;
          c.gufs_states += n;
          if (e.site === "sync") c.all_path_syncs++;
        });
      }
    } else if (e.type === "edu_sent") {
      const n = e.edu.content.push.length;
      add(e.at, (c) => {
        c.edus++;
        c.edu_entries += n;
      });
      let d = perDestination.get(e.destination);
      if (!d) perDestination.set(e.destination, d = { edus: 0, entries: 0 });
      d.edus++;
      d.entries += n;
    } else if (e.type === "wake") add(e.at, (c) => c.wakeups++);
    else if (e.type === "sync") add(e.at, (c) => c.sync_responses++);
  }
  return { duration: trace.scenario.end, ...total, per_destination: Object.fromEntries(perDestination), per_minute: minutes };
}

// node_modules/@jridgewell/sourcemap-codec/dist/sourcemap-codec.mjs
var comma = ",".charCodeAt(0);
var semicolon = ";".charCodeAt(0);
var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var intToChar = new Uint8Array(64);
var charToInt = new Uint8Array(128);
for (let i = 0; i < chars.length; i++) {
  const c = chars.charCodeAt(i);
  intToChar[i] = c;
  charToInt[c] = i;
}
function decodeInteger(reader) {
  let value = 0;
  let shift = 0;
  let integer = 0;
  do {
    const c = reader.next();
    integer = charToInt[c];
    value |= (integer & 31) << shift;
    shift += 5;
  } while (integer & 32);
  return value;
}
function decodeSign(num) {
  return num & 1 ? -2147483648 | -(num >>> 1) : num >>> 1;
}
function hasMoreVlq(reader, max) {
  if (reader.pos >= max) return false;
  return reader.peek() !== comma;
}
var bufLength = 1024 * 16;
var StringReader = class {
  constructor(buffer) {
    this.pos = 0;
    this.buffer = buffer;
  }
  next() {
    return this.buffer.charCodeAt(this.pos++);
  }
  peek() {
    return this.buffer.charCodeAt(this.pos);
  }
  indexOf(char) {
    const { buffer, pos } = this;
    const idx = buffer.indexOf(char, pos);
    return idx === -1 ? buffer.length : idx;
  }
};
function decode(mappings) {
  const { length } = mappings;
  const reader = new StringReader(mappings);
  const decoded = [];
  let genColumn = 0;
  let sourcesIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let namesIndex = 0;
  do {
    const semi = reader.indexOf(";");
    const line = [];
    let sorted = true;
    let lastCol = 0;
    genColumn = 0;
    while (reader.pos < semi) {
      let seg;
      genColumn += decodeSign(decodeInteger(reader));
      if (genColumn < lastCol) sorted = false;
      lastCol = genColumn;
      if (hasMoreVlq(reader, semi)) {
        sourcesIndex += decodeSign(decodeInteger(reader));
        sourceLine += decodeSign(decodeInteger(reader));
        sourceColumn += decodeSign(decodeInteger(reader));
        if (hasMoreVlq(reader, semi)) {
          namesIndex += decodeSign(decodeInteger(reader));
          seg = [genColumn, sourcesIndex, sourceLine, sourceColumn, namesIndex];
        } else {
          seg = [genColumn, sourcesIndex, sourceLine, sourceColumn];
        }
      } else {
        seg = [genColumn];
      }
      line.push(seg);
      reader.pos++;
    }
    if (!sorted) sort(line);
    decoded.push(line);
    reader.pos = semi + 1;
  } while (reader.pos <= length);
  return decoded;
}
function sort(line) {
  line.sort(sortComparator);
}
function sortComparator(a, b) {
  return a[0] - b[0];
}

// node_modules/@jridgewell/resolve-uri/dist/resolve-uri.mjs
var schemeRegex = /^[\w+.-]+:\/\//;
var urlRegex = /^([\w+.-]+:)\/\/([^@/#?]*@)?(\[[^\]]+\]|[^:/#?]*)(:\d+)?(\/[^#?]*)?(\?[^#]*)?(#.*)?/;
var fileRegex = /^file:(?:\/\/((?![a-z]:)[^/#?]*)?)?(\/?[^#?]*)(\?[^#]*)?(#.*)?/i;
function isAbsoluteUrl(input) {
  return schemeRegex.test(input);
}
function isSchemeRelativeUrl(input) {
  return input.startsWith("//");
}
function isAbsolutePath(input) {
  return input.startsWith("/");
}
function isFileUrl(input) {
  return input.startsWith("file:");
}
function isRelative2(input) {
  return /^[.?#]/.test(input);
}
function parseAbsoluteUrl(input) {
  const match = urlRegex.exec(input);
  return makeUrl(match[1], match[2] || "", match[3], match[4] || "", match[5] || "/", match[6] || "", match[7] || "");
}
function parseFileUrl(input) {
  const match = fileRegex.exec(input);
  const path = match[2];
  return makeUrl("file:", "", match[1] || "", "", isAbsolutePath(path) ? path : "/" + path, match[3] || "", match[4] || "");
}
function makeUrl(scheme, user, host, port, path, query, hash) {
  return {
    scheme,
    user,
    host,
    port,
    path,
    query,
    hash,
    type: 7
  };
}
function parseUrl(input) {
  if (isSchemeRelativeUrl(input)) {
    const url2 = parseAbsoluteUrl("http:" + input);
    url2.scheme = "";
    url2.type = 6;
    return url2;
  }
  if (isAbsolutePath(input)) {
    const url2 = parseAbsoluteUrl("http://foo.com" + input);
    url2.scheme = "";
    url2.host = "";
    url2.type = 5;
    return url2;
  }
  if (isFileUrl(input))
    return parseFileUrl(input);
  if (isAbsoluteUrl(input))
    return parseAbsoluteUrl(input);
  const url = parseAbsoluteUrl("http://foo.com/" + input);
  url.scheme = "";
  url.host = "";
  url.type = input ? input.startsWith("?") ? 3 : input.startsWith("#") ? 2 : 4 : 1;
  return url;
}
function stripPathFilename(path) {
  if (path.endsWith("/.."))
    return path;
  const index = path.lastIndexOf("/");
  return path.slice(0, index + 1);
}
function mergePaths(url, base) {
  normalizePath2(base, base.type);
  if (url.path === "/") {
    url.path = base.path;
  } else {
    url.path = stripPathFilename(base.path) + url.path;
  }
}
function normalizePath2(url, type) {
  const rel = type <= 4;
  const pieces = url.path.split("/");
  let pointer = 1;
  let positive = 0;
  let addTrailingSlash = false;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) {
      addTrailingSlash = true;
      continue;
    }
    addTrailingSlash = false;
    if (piece === ".")
      continue;
    if (piece === "..") {
      if (positive) {
        addTrailingSlash = true;
        positive--;
        pointer--;
      } else if (rel) {
        pieces[pointer++] = piece;
      }
      continue;
    }
    pieces[pointer++] = piece;
    positive++;
  }
  let path = "";
  for (let i = 1; i < pointer; i++) {
    path += "/" + pieces[i];
  }
  if (!path || addTrailingSlash && !path.endsWith("/..")) {
    path += "/";
  }
  url.path = path;
}
function resolve(input, base) {
  if (!input && !base)
    return "";
  const url = parseUrl(input);
  let inputType = url.type;
  if (base && inputType !== 7) {
    const baseUrl = parseUrl(base);
    const baseType = baseUrl.type;
    switch (inputType) {
      case 1:
        url.hash = baseUrl.hash;
      // fall through
      case 2:
        url.query = baseUrl.query;
      // fall through
      case 3:
      case 4:
        mergePaths(url, baseUrl);
      // fall through
      case 5:
        url.user = baseUrl.user;
        url.host = baseUrl.host;
        url.port = baseUrl.port;
      // fall through
      case 6:
        url.scheme = baseUrl.scheme;
    }
    if (baseType > inputType)
      inputType = baseType;
  }
  normalizePath2(url, inputType);
  const queryHash = url.query + url.hash;
  switch (inputType) {
    // This is impossible, because of the empty checks at the start of the function.
    // case UrlType.Empty:
    case 2:
    case 3:
      return queryHash;
    case 4: {
      const path = url.path.slice(1);
      if (!path)
        return queryHash || ".";
      if (isRelative2(base || input) && !isRelative2(path)) {
        return "./" + path + queryHash;
      }
      return path + queryHash;
    }
    case 5:
      return url.path + queryHash;
    default:
      return url.scheme + "//" + url.user + url.host + url.port + url.path + queryHash;
  }
}

// node_modules/@jridgewell/trace-mapping/dist/trace-mapping.mjs
function stripFilename(path) {
  if (!path) return "";
  const index = path.lastIndexOf("/");
  return path.slice(0, index + 1);
}
function resolver(mapUrl, sourceRoot) {
  const from = stripFilename(mapUrl);
  const prefix = sourceRoot ? sourceRoot + "/" : "";
  return (source) => resolve(prefix + (source || ""), from);
}
var COLUMN = 0;
var SOURCES_INDEX = 1;
var SOURCE_LINE = 2;
var SOURCE_COLUMN = 3;
var NAMES_INDEX = 4;
function maybeSort(mappings, owned) {
  const unsortedIndex = nextUnsortedSegmentLine(mappings, 0);
  if (unsortedIndex === mappings.length) return mappings;
  if (!owned) mappings = mappings.slice();
  for (let i = unsortedIndex; i < mappings.length; i = nextUnsortedSegmentLine(mappings, i + 1)) {
    mappings[i] = sortSegments(mappings[i], owned);
  }
  return mappings;
}
function nextUnsortedSegmentLine(mappings, start) {
  for (let i = start; i < mappings.length; i++) {
    if (!isSorted(mappings[i])) return i;
  }
  return mappings.length;
}
function isSorted(line) {
  for (let j = 1; j < line.length; j++) {
    if (line[j][COLUMN] < line[j - 1][COLUMN]) {
      return false;
    }
  }
  return true;
}
function sortSegments(line, owned) {
  if (!owned) line = line.slice();
  return line.sort(sortComparator2);
}
function sortComparator2(a, b) {
  return a[COLUMN] - b[COLUMN];
}
var found = false;
function binarySearch(haystack, needle, low, high) {
  while (low <= high) {
    const mid = low + (high - low >> 1);
    const cmp = haystack[mid][COLUMN] - needle;
    if (cmp === 0) {
      found = true;
      return mid;
    }
    if (cmp < 0) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  found = false;
  return low - 1;
}
function upperBound(haystack, needle, index) {
  for (let i = index + 1; i < haystack.length; index = i++) {
    if (haystack[i][COLUMN] !== needle) break;
  }
  return index;
}
function lowerBound(haystack, needle, index) {
  for (let i = index - 1; i >= 0; index = i--) {
    if (haystack[i][COLUMN] !== needle) break;
  }
  return index;
}
function memoizedState() {
  return {
    lastKey: -1,
    lastNeedle: -1,
    lastIndex: -1
  };
}
function memoizedBinarySearch(haystack, needle, state, key) {
  const { lastKey, lastNeedle, lastIndex } = state;
  let low = 0;
  let high = haystack.length - 1;
  if (key === lastKey) {
    if (needle === lastNeedle) {
      found = lastIndex !== -1 && haystack[lastIndex][COLUMN] === needle;
      return lastIndex;
    }
    if (needle >= lastNeedle) {
      low = lastIndex === -1 ? 0 : lastIndex;
    } else {
      high = lastIndex;
    }
  }
  state.lastKey = key;
  state.lastNeedle = needle;
  return state.lastIndex = binarySearch(haystack, needle, low, high);
}
function parse(map) {
  return typeof map === "string" ? JSON.parse(map) : map;
}
var LINE_GTR_ZERO = "`line` must be greater than 0 (lines start at line 1)";
var COL_GTR_EQ_ZERO = "`column` must be greater than or equal to 0 (columns start at column 0)";
var LEAST_UPPER_BOUND = -1;
var GREATEST_LOWER_BOUND = 1;
var TraceMap = class {
  constructor(map, mapUrl) {
    const isString = typeof map === "string";
    if (!isString && map._decodedMemo) return map;
    const parsed = parse(map);
    const { version, file, names, sourceRoot, sources, sourcesContent } = parsed;
    this.version = version;
    this.file = file;
    this.names = names || [];
    this.sourceRoot = sourceRoot;
    this.sources = sources;
    this.sourcesContent = sourcesContent;
    this.ignoreList = parsed.ignoreList || parsed.x_google_ignoreList || void 0;
    const resolve2 = resolver(mapUrl, sourceRoot);
    this.resolvedSources = sources.map(resolve2);
    const { mappings } = parsed;
    if (typeof mappings === "string") {
      this._encoded = mappings;
      this._decoded = void 0;
    } else if (Array.isArray(mappings)) {
      this._encoded = void 0;
      this._decoded = maybeSort(mappings, isString);
    } else if (parsed.sections) {
      throw new Error(`TraceMap passed sectioned source map, please use FlattenMap export instead`);
    } else {
      throw new Error(`invalid source map: ${JSON.stringify(parsed)}`);
    }
    this._decodedMemo = memoizedState();
    this._bySources = void 0;
    this._bySourceMemos = void 0;
  }
};
function cast(map) {
  return map;
}
function decodedMappings(map) {
  var _a;
  return (_a = cast(map))._decoded || (_a._decoded = decode(cast(map)._encoded));
}
function originalPositionFor(map, needle) {
  let { line, column, bias } = needle;
  line--;
  if (line < 0) throw new Error(LINE_GTR_ZERO);
  if (column < 0) throw new Error(COL_GTR_EQ_ZERO);
  const decoded = decodedMappings(map);
  if (line >= decoded.length) return OMapping(null, null, null, null);
  const segments = decoded[line];
  const index = traceSegmentInternal(
    segments,
    cast(map)._decodedMemo,
    line,
    column,
    bias || GREATEST_LOWER_BOUND
  );
  if (index === -1) return OMapping(null, null, null, null);
  const segment = segments[index];
  if (segment.length === 1) return OMapping(null, null, null, null);
  const { names, resolvedSources } = map;
  return OMapping(
    resolvedSources[segment[SOURCES_INDEX]],
    segment[SOURCE_LINE] + 1,
    segment[SOURCE_COLUMN],
    segment.length === 5 ? names[segment[NAMES_INDEX]] : null
  );
}
function OMapping(source, line, column, name) {
  return { source, line, column, name };
}
function traceSegmentInternal(segments, memo, line, column, bias) {
  let index = memoizedBinarySearch(segments, column, memo, line);
  if (found) {
    index = (bias === LEAST_UPPER_BOUND ? upperBound : lowerBound)(segments, column, index);
  } else if (bias === LEAST_UPPER_BOUND) index++;
  if (index === -1 || index === segments.length) return -1;
  return index;
}

// src/compile/locate.ts
var MODULE_URL_PREFIX = "module:";
var V8_FRAME = /^\s*at (?:(.+?) \()?module:(.+?):(\d+):(\d+)\)?\s*$/;
var GECKO_FRAME = /^(.*?)@module:(.+?):(\d+):(\d+)\s*$/;
function parseFrames(stack) {
  const frames = [];
  for (const text2 of stack.split("\n")) {
    const m = V8_FRAME.exec(text2) ?? GECKO_FRAME.exec(text2);
    if (!m) continue;
    const fn = m[1] && m[1] !== "eval" ? m[1].replace(/^async /, "") : null;
    frames.push({ fn, entry: m[2], line: Number(m[3]), column: Number(m[4]) });
  }
  return frames;
}
function describeThrown(err) {
  if (err instanceof Error || typeof err === "object" && err !== null && "message" in err) {
    const e = err;
    const name = typeof e.name === "string" && e.name ? e.name : "Error";
    return `${name}: ${String(e.message)}`;
  }
  let text2;
  try {
    text2 = typeof err === "string" ? JSON.stringify(err) : String(err);
  } catch {
    text2 = Object.prototype.toString.call(err);
  }
  return `non-Error value thrown: ${text2}`;
}
var maps = /* @__PURE__ */ new WeakMap();
function traceMapOf(b) {
  let m = maps.get(b);
  if (!m) {
    m = new TraceMap(b.map);
    maps.set(b, m);
  }
  return m;
}
function mapBundlePosition(bundle, line, column) {
  if (line < 1) return null;
  const tm = traceMapOf(bundle);
  for (const bias of [GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND]) {
    const p = originalPositionFor(tm, { line, column: Math.max(0, column - 1), bias });
    if (p.source !== null && p.line !== null && p.column !== null) return { file: p.source, line: p.line, column: p.column + 1 };
  }
  return null;
}
function locateRuntimeError(err, bundles, opts = {}) {
  const info = { message: describeThrown(err) };
  const stack = typeof err?.stack === "string" ? err.stack : "";
  const lines = [];
  for (const f of parseFrames(stack)) {
    const bundle = Object.prototype.hasOwnProperty.call(bundles, f.entry) ? bundles[f.entry] : void 0;
    if (!bundle) continue;
    const pos = mapBundlePosition(bundle, f.line - (opts.lineOffset ?? 0), f.column);
    if (!pos) continue;
    if (info.file === void 0) {
      info.file = pos.file;
      info.line = pos.line;
      info.column = pos.column;
    }
    const where = `${pos.file}:${pos.line}:${pos.column}`;
    lines.push(f.fn ? `    at ${f.fn} (${where})` : `    at ${where}`);
  }
  if (lines.length) info.stack = `${info.message}
${lines.join("\n")}`;
  return info;
}

// src/sandbox/globals.ts
var RealDate = Date;
function makeDate(env) {
  function SimDate(...args) {
    if (!new.target) return new RealDate(env.now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [env.now()], new.target);
  }
  SimDate.prototype = RealDate.prototype;
  Object.defineProperties(SimDate, {
    now: { value: () => env.now(), writable: true, configurable: true },
    parse: { value: RealDate.parse, writable: true, configurable: true },
    UTC: { value: RealDate.UTC, writable: true, configurable: true },
    name: { value: "Date" }
  });
  return SimDate;
}
function makeMath(env) {
  const m = {};
  for (const k of Object.getOwnPropertyNames(Math)) m[k] = Math[k];
  m.random = () => env.random();
  Object.defineProperty(m, Symbol.toStringTag, { value: "Math" });
  return Object.freeze(m);
}
function makeConsole(env) {
  const to = (level) => (...args) => env.console(level, args);
  const c = {
    debug: to("debug"),
    log: to("log"),
    info: to("info"),
    warn: to("warn"),
    error: to("error"),
    trace: to("debug"),
    dir: to("log"),
    table: to("log")
  };
  return Object.freeze(c);
}
function makePerformance(env) {
  return Object.freeze({ now: () => env.now(), timeOrigin: 0 });
}
function forbiddenTimer(name) {
  return () => {
    throw new Error(
      `${name} is not available in a module: use api.delayed_background_call / looping_background_call / sleep (simulated clock)`
    );
  };
}

// src/sandbox/host.ts
var PARAMS = [
  "require",
  "module",
  "exports",
  "Date",
  "Math",
  "console",
  "performance",
  "setTimeout",
  "setInterval",
  "setImmediate"
];
var FUNCTION_LINE_OFFSET = (() => {
  try {
    new Function(`throw new Error("probe")
//# sourceURL=${MODULE_URL_PREFIX}__probe__`)();
  } catch (e) {
    const m = /__probe__:(\d+):\d+/.exec(String(e.stack));
    if (m) return Number(m[1]) - 1;
  }
  return 2;
})();
function firstError(result, file) {
  const own2 = result.entryDiagnostics?.[file];
  return (own2 ?? []).find((d) => d.severity === "error");
}
function createModuleHost(result, opts = {}) {
  const synapse = opts.synapse ?? synapseRuntime;
  const compiled2 = /* @__PURE__ */ new Map();
  const evaluate2 = opts.evaluate ?? {
    compile: (code, params, url) => new Function(...params, `${code}
//# sourceURL=${url}`),
    lineOffset: FUNCTION_LINE_OFFSET
  };
  const locate = (err) => locateRuntimeError(err, result.bundles, { lineOffset: evaluate2.lineOffset });
  function factory(file) {
    let fn = compiled2.get(file);
    if (fn) return fn;
    const has = (k) => Object.prototype.hasOwnProperty.call(result.bundles, k);
    const key = has(file) ? file : normalizePath(file);
    const bundle = has(key) ? result.bundles[key] : void 0;
    if (!bundle) {
      const d = firstError(result, file);
      if (d) throw new ModuleLoadError(`${file} does not compile: ${d.message}`, d.file, d.line, d.column);
      const names = result.files ?? Object.keys(result.bundles);
      const known = names.length ? names.join(", ") : "(none)";
      const why = names.includes(file) ? `${file} was not compiled as a module entry` : `no module file '${file}'`;
      throw new ModuleLoadError(`${why}; the files are: ${known}`, file);
    }
    try {
      fn = evaluate2.compile(bundle.code, PARAMS, `${MODULE_URL_PREFIX}${key}`);
    } catch (e) {
      throw new ModuleLoadError(`${file} could not be evaluated: ${String(e)}`, file);
    }
    compiled2.set(file, fn);
    return fn;
  }
  function load(file, env) {
    const fn = factory(file);
    const module = { exports: {} };
    const require2 = (name) => {
      if (name === "synapse") return synapse;
      throw new Error(`cannot import '${name}': ${FORBIDDEN_IMPORT}`);
    };
    try {
      fn(
        require2,
        module,
        module.exports,
        makeDate(env),
        makeMath(env),
        makeConsole(env),
        makePerformance(env),
        forbiddenTimer("setTimeout"),
        forbiddenTimer("setInterval"),
        forbiddenTimer("setImmediate")
      );
    } catch (e) {
      const info = locate(e);
      throw new ModuleLoadError(`loading ${file} threw ${info.message}`, info.file ?? file, info.line, info.column);
    }
    const exp = module.exports;
    if (typeof exp === "function") return { default: exp };
    if (typeof exp !== "object" || exp === null) return { default: exp };
    return exp;
  }
  return { load, locate };
}

// src/python/bridgePackage.ts
var BRIDGE_PACKAGE = {
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
`
};

// src/python/synapsePackage.ts
var SYNAPSE_PACKAGE = {
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
`
};

// src/python/host.ts
var PyModuleError = class extends Error {
  info;
  constructor(info) {
    super(info.message.replace(/^[\w.]+: /, ""));
    this.name = info.name ?? "Exception";
    this.info = { message: info.message, file: info.file, line: info.line, column: info.column, stack: info.stack };
  }
};
var PyFailure = class {
  constructor(info) {
    this.info = info;
  }
  info;
};
var PyPending = class {
  promise;
  resolve;
  reject;
  constructor() {
    this.promise = new Promise((res, rej) => {
      this.resolve = (v) => res(v);
      this.reject = (f) => rej(f instanceof PyFailure ? new PyModuleError(f.info) : f);
    });
  }
};
var raise = (r) => {
  if (r instanceof PyFailure) throw new PyModuleError(r.info);
  if (r instanceof PyPending) return r.promise;
  return r;
};
var isPythonFile = (file) => file.endsWith(".py");
var ROOT = "/home/pyodide/playground";
var then = Promise.prototype.then;
function opaqueClass(name) {
  const C = { [name]: class {
  } }[name];
  return new C();
}
function helpers() {
  return {
    newMap: () => /* @__PURE__ */ new Map(),
    mapSet: (m, k, v) => void m.set(k, v),
    newSet: () => /* @__PURE__ */ new Set(),
    setAdd: (s, v) => void s.add(v),
    newObject: () => /* @__PURE__ */ Object.create(null),
    setProp: (o, k, v) => void Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true }),
    opaque: opaqueClass,
    json: (s) => JSON.parse(s),
    stringify: (v) => JSON.stringify(v ?? null),
    fail: (json) => new PyFailure(JSON.parse(json)),
    keep: (v) => v,
    log: (env, level, line) => env.console(level, [line]),
    pending: () => new PyPending(),
    after: (api, seconds, f) => void Reflect.apply(then, api.sleep(seconds), [() => f()]),
    microtask: (f) => void Reflect.apply(then, Promise.resolve(), [() => f()]),
    pair: (gufs, giu) => ({ get_users_for_states: gufs ?? null, get_interested_users: giu ?? null }),
    wrap: (fn) => (...args) => raise(fn(...args)),
    instance: (gufs, giu) => {
      const o = {};
      if (gufs) o.get_users_for_states = gufs;
      if (giu) o.get_interested_users = giu;
      return o;
    },
    pyClass: (name, construct, parseConfig) => {
      const make = (config, api, legacy) => raise(construct(config, api, legacy));
      const C = {
        [name]: function(config, api) {
          return make(config, api, false);
        }
      }[name];
      C[LEGACY_CONSTRUCT] = (config, api) => make(config, api, true);
      if (parseConfig) {
        C.parse_config = (config) => raise(parseConfig(config));
      }
      return C;
    }
  };
}
var prepared = /* @__PURE__ */ new WeakMap();
var PRELOADED = ["_playground", "_playground.api", "synapse.module_api", "synapse.module_api.errors", "synapse.events.presence_router", "synapse.handlers.presence"];
function importBridge(py) {
  const files2 = { ...SYNAPSE_PACKAGE, ...BRIDGE_PACKAGE };
  for (const [path, text2] of Object.entries(files2)) {
    const full = `${ROOT}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, text2);
  }
  py.runPython(`import sys
if ${JSON.stringify(ROOT)} not in sys.path: sys.path.insert(0, ${JSON.stringify(ROOT)})
import ${PRELOADED.join(", ")}`);
}
function prepareBridge(py) {
  const known = prepared.get(py);
  if (known) return known;
  importBridge(py);
  const bridge = py.pyimport("_playground");
  bridge.install(helpers());
  py.pyimport("_playground.api").set_unavailable([...UNAVAILABLE_METHODS, ...UNAVAILABLE_PROPERTIES]);
  prepared.set(py, bridge);
  return bridge;
}
function createPythonHost(py, sources, seed) {
  const bridge = prepareBridge(py);
  const has = (k) => Object.prototype.hasOwnProperty.call(sources, k);
  const all = JSON.stringify(sources);
  return {
    load(file, env) {
      const key = has(file) ? file : file.replace(/^\.\//, "");
      if (!has(key)) throw new ModuleLoadError(`no module file '${file}'; the Python files are: ${Object.keys(sources).join(", ") || "(none)"}`, file);
      const moduleSeed = hashSeed(seed, key, String(Math.floor(env.random() * 2 ** 32)));
      const r = bridge.load(key, sources[key], env, moduleSeed, all);
      if (r instanceof PyFailure) {
        throw new ModuleLoadError(`loading ${file} raised ${r.info.message}`, r.info.file ?? file, r.info.line, r.info.column);
      }
      return r;
    },
    locate(err) {
      if (err instanceof PyModuleError) return err.info;
      return { message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  };
}
function combineHosts(ts, python) {
  return {
    load: (file, env) => isPythonFile(file) ? python.load(file, env) : ts.load(file, env),
    locate: (err) => err instanceof PyModuleError ? python.locate(err) : ts.locate(err),
    // The watchdog's spans (src/sandbox/spans.ts) cover Python code too.
    ...ts.enter ? { enter: ts.enter.bind(ts) } : {}
  };
}

// src/scenario/pathpos.ts
var import_yaml = __toESM(require_dist(), 1);
function createLocator(text2) {
  const lc = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text2, { lineCounter: lc, prettyErrors: false });
  return (path) => locateInDocument(doc, lc, text2, path);
}
function locateInDocument(doc, lc, text2, path) {
  const root = doc.contents;
  if (!root) return null;
  const found2 = walk(doc, root, path, 0, null);
  const target = found2 ?? { node: root, exact: false };
  const range = target.node.range;
  if (!range) return null;
  let end = range[1];
  if ((0, import_yaml.isMap)(target.node) || (0, import_yaml.isSeq)(target.node)) {
    const nl = text2.indexOf("\n", range[0]);
    end = Math.min(end, nl < 0 ? text2.length : nl);
  }
  while (end > range[0] && /\s/.test(text2[end - 1] ?? "")) end--;
  const a = lc.linePos(range[0]);
  const b = lc.linePos(end);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, exact: target.exact };
}
function walk(doc, node, path, pos, keyNode) {
  let n = node;
  for (let i = 0; i < 32 && (0, import_yaml.isAlias)(n); i++) n = n.resolve(doc) ?? null;
  if (!n) return keyNode ? { node: keyNode, exact: pos >= path.length } : null;
  if (pos >= path.length) return { node: n, exact: true };
  if (path[pos] === ".") pos++;
  if (path[pos] === "[") {
    const close = path.indexOf("]", pos);
    if (close < 0) return { node: n, exact: false };
    const inner = path.slice(pos + 1, close);
    if (/^\d+$/.test(inner) && (0, import_yaml.isSeq)(n)) {
      const item = n.items[Number(inner)];
      if (!(0, import_yaml.isNode)(item)) return { node: n, exact: false };
      return walk(doc, item, path, close + 1, null) ?? { node: n, exact: false };
    }
    if (inner.startsWith('"') && (0, import_yaml.isMap)(n)) {
      let key;
      try {
        const parsed = JSON.parse(inner);
        key = typeof parsed === "string" ? parsed : void 0;
      } catch {
        key = void 0;
      }
      const pair = n.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === key);
      if (pair) return enter(doc, pair, path, close + 1) ?? { node: n, exact: false };
    }
    return { node: n, exact: false };
  }
  if (!(0, import_yaml.isMap)(n)) return { node: n, exact: false };
  const candidates = n.items.filter((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && p.key.value !== null).map((p) => ({ p, k: String(p.key.value) })).filter(({ k }) => path.startsWith(k, pos) && (pos + k.length === path.length || path[pos + k.length] === "." || path[pos + k.length] === "[")).sort((a, b) => b.k.length - a.k.length);
  let partial = null;
  for (const { p, k } of candidates) {
    const r = enter(doc, p, path, pos + k.length);
    if (r?.exact) return r;
    partial ??= r;
  }
  return partial ?? { node: n, exact: false };
}
function enter(doc, pair, path, pos) {
  const key = pair.key;
  if (!(0, import_yaml.isNode)(pair.value)) return { node: key, exact: pos >= path.length };
  return walk(doc, pair.value, path, pos, key);
}

// src/pipeline/execute.ts
function scenarioHints(sc) {
  return {
    rooms: sc.rooms.map((r) => ({ id: r.id, members: r.members })),
    excludedRooms: Object.fromEntries(sc.servers.map((s) => [s.name, s.exclude_rooms_from_presence])),
    memberships: sc.steps.flatMap((s) => s.kind === "membership" ? [{ at: s.at, user: s.user, room: s.room, membership: s.membership }] : [])
  };
}
function locateRunErrors(errors, input, moduleFiles2, moduleLabel = (f) => f) {
  if (errors.length === 0) return [];
  const locate = createLocator(input.text);
  const inScenario = (path, message) => {
    const p = locate(path);
    return { file: input.path, line: p?.line, column: p?.column, path, message, severity: "error" };
  };
  return errors.map((e) => {
    const file = e.file === void 0 ? void 0 : moduleFiles2.has(e.file) ? moduleLabel(e.file) : e.file;
    if (file !== void 0 && e.line !== void 0) return { file, line: e.line, column: e.column, path: e.path, message: e.message, severity: "error" };
    if (e.path) return inScenario(e.path, file ? `${file}: ${e.message}` : e.message);
    return { file: file ?? input.path, message: e.message, severity: "error" };
  });
}
async function execute(parsed, compiled2, options = {}) {
  const base = options.host ? options.host(compiled2, parsed.scenario) : createModuleHost(compiled2);
  const withPython = async (h) => needsPython(compiled2) && options.python ? combineHosts(h, createPythonHost(await options.python(), compiled2.python, parsed.scenario.seed)) : h;
  const host = await withPython(base);
  const engine = options.engine ?? runScenario;
  const trace = await engine(parsed.scenario, { host, measure: options.measure ?? false });
  if (trace.errors.length === 0) trace.cost = runCost(trace);
  const moduleFiles2 = new Set(compiled2.files ?? Object.keys(compiled2.bundles));
  const out = { trace, problems: locateRunErrors(trace.errors, parsed.input, moduleFiles2, options.moduleLabel), hints: scenarioHints(parsed.scenario) };
  if (options.crossCheck && !options.engine && trace.errors.length === 0) {
    const probeHost = await withPython(options.host ? options.host(compiled2, parsed.scenario) : createModuleHost(compiled2));
    const instants = typeof options.crossCheck === "object" ? options.crossCheck.instants : void 0;
    out.crossCheck = await crossCheckRun(parsed.scenario, { host: probeHost, ...instants && { instants } });
  }
  return out;
}

// src/python/imports.ts
var IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
var FROM = /^\s*from\s+(\.*)([\w.]*)\s+import\s+\(?\s*([\w\s,*]+?)\s*\)?\s*(?:#.*)?$/;
function moduleFiles(dotted) {
  const parts = dotted.split(".").filter(Boolean);
  const out = [];
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join("/");
    out.push(`${p}.py`, `${p}/__init__.py`);
  }
  return out;
}
function packageOf(importer) {
  const parts = importer.replace(/^\.\//, "").split("/");
  parts.pop();
  return parts;
}
function pythonImportCandidates(importer, source) {
  const out = /* @__PURE__ */ new Set();
  for (const line of source.split("\n")) {
    const imp = IMPORT.exec(line);
    if (imp) {
      for (const part of imp[1].split(",")) for (const f of moduleFiles(part.trim().split(/\s+/)[0])) out.add(f);
      continue;
    }
    const from = FROM.exec(line);
    if (!from) continue;
    const [, dots, name, names] = from;
    let base = name;
    if (dots.length > 0) {
      const pkg = packageOf(importer);
      if (dots.length - 1 > pkg.length) continue;
      base = [...pkg.slice(0, pkg.length - (dots.length - 1)), ...name ? [name] : []].join(".");
    }
    const files2 = base ? moduleFiles(base) : [];
    for (const n of names.split(",")) {
      const item = n.trim().split(/\s+/)[0];
      if (item && item !== "*") files2.push(...moduleFiles(base ? `${base}.${item}` : item).slice(-2));
    }
    for (const f of files2) out.add(f);
  }
  return [...out];
}

// src/pipeline/modules.ts
var own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function moduleEntries(scenario) {
  const out = [];
  for (const s of scenario.servers) {
    out.push(...s.modules);
    if (s.presence.presence_router) out.push(s.presence.presence_router);
  }
  return out;
}
function collectModuleFiles(scenario, read) {
  const files2 = {};
  const entries = [];
  const missing = [];
  const queue = [];
  for (const e of moduleEntries(scenario)) {
    if (entries.includes(e.file)) continue;
    const name = normalizePath(e.file);
    const text2 = own(files2, name) ? files2[name] : read(name);
    if (text2 === null) {
      missing.push(e);
      continue;
    }
    entries.push(e.file);
    if (!own(files2, name)) {
      files2[name] = text2;
      queue.push(name);
    }
  }
  while (queue.length) {
    const importer = queue.shift();
    if (importer.endsWith(".py")) {
      for (const c of pythonImportCandidates(importer, files2[importer])) {
        if (own(files2, c)) continue;
        const text2 = read(c);
        if (text2 === null) continue;
        files2[c] = text2;
        queue.push(c);
      }
      continue;
    }
    for (const spec of relativeImports(files2[importer])) {
      for (const c of candidatePaths(importer, spec)) {
        if (own(files2, c)) break;
        const text2 = read(c);
        if (text2 === null) continue;
        files2[c] = text2;
        queue.push(c);
        break;
      }
    }
  }
  return { files: files2, entries, missing };
}
function gatherModules(parsed, source, moduleLabel = (f) => f) {
  const read = typeof source === "function" ? source : (n) => own(source, n) ? source[n] : null;
  const c = collectModuleFiles(parsed.scenario, read);
  const locate = createLocator(parsed.input.text);
  const problems = c.missing.map((m) => {
    const path = `${m.path}.module`;
    const p = locate(path);
    return { file: parsed.input.path, line: p?.line, column: p?.column, path, message: `module file '${m.file}' not found (looked for ${moduleLabel(m.file)})`, severity: "error" };
  });
  return { files: typeof source === "function" ? c.files : source, entries: c.entries, problems };
}

// src/scenario/parse.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/scenario/types.ts
var DEFAULT_START_TIME = 17672256e5;

// src/scenario/issues.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MAX_ERRORS = 50;
var Issues = class {
  constructor(text2, lc, file, doc) {
    this.text = text2;
    this.lc = lc;
    this.file = file;
    this.doc = doc;
  }
  text;
  lc;
  file;
  doc;
  list = [];
  errorCount = 0;
  dropped = 0;
  error(where, path, message) {
    this.add(where, path, message, "error");
  }
  warn(where, path, message) {
    this.add(where, path, message, "warning");
  }
  /** Stops reading further once the cap is reached (the parse fails anyway). */
  get full() {
    return this.errorCount >= MAX_ERRORS;
  }
  add(where, path, message, severity) {
    if (severity === "error") {
      if (this.errorCount >= MAX_ERRORS) {
        this.dropped++;
        return;
      }
      this.errorCount++;
    } else if (this.list.length >= MAX_ERRORS * 2) return;
    const [start, end] = this.span(where);
    const a = this.lc.linePos(start);
    const b = this.lc.linePos(Math.max(end, start));
    this.list.push({
      file: this.file,
      line: a.line,
      column: a.col,
      endLine: b.line,
      endColumn: b.col,
      path,
      message,
      severity
    });
  }
  /** Issues sorted by position (errors before warnings at the same place), plus a cap note. */
  finish() {
    const out = this.list.map((x, i) => ({ x, i })).sort((p, q2) => p.x.line - q2.x.line || p.x.column - q2.x.column || sev(p.x) - sev(q2.x) || p.i - q2.i).map((p) => p.x);
    if (this.errorCount >= MAX_ERRORS) {
      const last = out.filter((x) => x.severity === "error").at(-1);
      const more = this.dropped > 0 ? ` (${this.dropped}+ more not shown)` : "";
      out.push({ ...last, message: `stopped after ${MAX_ERRORS} errors${more}; fix the ones above first` });
    }
    return out;
  }
  /** Offset range of a location; collections are clipped to their first line. */
  span(where) {
    const len = this.text.length;
    let s = 0;
    let e = 0;
    if (Array.isArray(where)) {
      [s, e] = where;
    } else if ((0, import_yaml2.isPair)(where)) {
      const k = (0, import_yaml2.isNode)(where.key) ? where.key.range : void 0;
      const v = (0, import_yaml2.isNode)(where.value) ? where.value.range : void 0;
      s = k?.[0] ?? v?.[0] ?? 0;
      e = v?.[1] ?? k?.[1] ?? s;
      if ((0, import_yaml2.isCollection)(where.value)) e = lineEnd(this.text, s);
    } else if ((0, import_yaml2.isNode)(where) && where.range) {
      [s, e] = where.range;
      if ((0, import_yaml2.isCollection)(where) || (0, import_yaml2.isAlias)(where)) e = Math.min(e, lineEnd(this.text, s));
    }
    s = Math.min(Math.max(0, s), len);
    e = Math.min(Math.max(s, e), len);
    while (e > s && /\s/.test(this.text[e - 1])) e--;
    return [s, e];
  }
};
function sev(i) {
  return i.severity === "error" ? 0 : 1;
}
function lineEnd(text2, from) {
  const i = text2.indexOf("\n", from);
  return i < 0 ? text2.length : i;
}

// src/scenario/reader.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/scenario/limits.ts
var DEFAULT_LIMITS = {
  servers: 100,
  users: 2e4,
  rooms: 2e4,
  devices: 100,
  clients: 2e4,
  steps: 1e5,
  expect: 1e4,
  string: 1e4,
  offset: 7 * 24 * 36e5,
  // 7 days
  json: 2e5
};

// src/scenario/reader.ts
var Reader = class {
  constructor(is, doc, limits = DEFAULT_LIMITS) {
    this.is = is;
    this.doc = doc;
    this.limits = limits;
    this.jsonBudget = limits.json;
  }
  is;
  doc;
  limits;
  /** Values left for JSON values (module configs, EDU bodies): guards alias bombs. */
  jsonBudget;
  err(v, message) {
    this.is.error(v.node ?? v.where, v.path, message);
  }
  warn(v, message) {
    this.is.warn(v.node ?? v.where, v.path, message);
  }
  /** Follows aliases (`*a`) to the anchored node. */
  resolve(node) {
    let n = node;
    for (let i = 0; i < 32 && (0, import_yaml3.isAlias)(n); i++) n = n.resolve(this.doc) ?? null;
    if ((0, import_yaml3.isAlias)(n)) return null;
    return n ?? null;
  }
  /** True for an absent value or YAML null (`~`, `null`, empty). */
  isNull(v) {
    const n = this.resolve(v.node);
    return n === null || (0, import_yaml3.isScalar)(n) && n.value === null;
  }
  describe(node) {
    const n = this.resolve(node);
    if (n === null) return "nothing";
    if ((0, import_yaml3.isMap)(n)) return "a map";
    if ((0, import_yaml3.isSeq)(n)) return "a list";
    if ((0, import_yaml3.isScalar)(n)) {
      const x = n.value;
      if (x === null) return "null";
      if (typeof x === "string") return `the text "${x.length > 40 ? x.slice(0, 40) + "\u2026" : x}"`;
      if (typeof x === "boolean") return String(x);
      if (typeof x === "number" || typeof x === "bigint") return `the number ${x}`;
    }
    return "an unsupported value";
  }
  /** Entries of a map (null counts as an empty map). */
  entries(v, what) {
    const n = this.resolve(v.node);
    if (n === null || (0, import_yaml3.isScalar)(n) && n.value === null) return [];
    if (!(0, import_yaml3.isMap)(n)) {
      this.err(v, `${what} must be a map (key: value), got ${this.describe(n)}`);
      return void 0;
    }
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (const item of n.items) {
      if (!(0, import_yaml3.isPair)(item)) continue;
      const k = this.resolve(item.key);
      if (!(0, import_yaml3.isScalar)(k) || k.value === null || typeof k.value === "object") {
        this.is.error(item.key ?? item, v.path, `keys in ${what} must be plain text`);
        continue;
      }
      const key = String(k.value);
      if (seen.has(key)) {
        this.is.error(k, join(v.path, key), `"${key}" appears twice in ${what}; keep one`);
        continue;
      }
      seen.add(key);
      const value = item.value ?? null;
      out.push({ key, keyNode: k, pair: item, node: value, path: join(v.path, key), where: item });
    }
    return out;
  }
  /** Items of a list (null counts as an empty list). */
  items(v, what) {
    const n = this.resolve(v.node);
    if (n === null || (0, import_yaml3.isScalar)(n) && n.value === null) return [];
    if (!(0, import_yaml3.isSeq)(n)) {
      this.err(v, `${what} must be a list, got ${this.describe(n)}`);
      return void 0;
    }
    return n.items.map((it, i) => ({ node: it ?? null, path: `${v.path}[${i}]`, where: n }));
  }
  /**
   * A map with a fixed set of keys: unknown keys are errors with a suggestion, missing
   * required keys are errors. Returns the known entries by key.
   */
  fields(v, what, allowed2, required = []) {
    const es = this.entries(v, what);
    if (!es) return void 0;
    const out = {};
    for (const e of es) {
      if (!allowed2.includes(e.key)) {
        const s = closest(e.key, allowed2);
        const hint = s ? `; did you mean ${s}?` : allowed2.length ? ` (allowed: ${allowed2.join(", ")})` : "";
        this.is.error(e.keyNode, e.path, `unknown key "${e.key}" in ${what}${hint}`);
        continue;
      }
      out[e.key] = e;
    }
    for (const r of required) {
      if (!Object.hasOwn(out, r)) this.err({ ...v, node: null, where: v.node ?? v.where }, `${what} needs "${r}"`);
    }
    return out;
  }
  scalar(v) {
    const n = this.resolve(v.node);
    if ((0, import_yaml3.isScalar)(n)) return n.value;
    return n === null ? null : void 0;
  }
  str(v, what) {
    const x = this.scalar(v);
    if (typeof x !== "string") {
      this.err(v, `${what} must be text, got ${this.describe(v.node)}`);
      return void 0;
    }
    if (x.length > this.limits.string) {
      this.err(v, `${what} is too long (${x.length} characters; at most ${this.limits.string})`);
      return void 0;
    }
    return x;
  }
  bool(v, what) {
    const x = this.scalar(v);
    if (typeof x !== "boolean") {
      this.err(v, `${what} must be true or false, got ${this.describe(v.node)}`);
      return void 0;
    }
    return x;
  }
  num(v, what, opts = {}) {
    const x = this.scalar(v);
    if (typeof x !== "number" || !Number.isFinite(x)) {
      this.err(v, `${what} must be a number, got ${this.describe(v.node)}`);
      return void 0;
    }
    if (opts.integer && !Number.isSafeInteger(x)) {
      this.err(v, `${what} must be a whole number, got ${x}`);
      return void 0;
    }
    if (opts.min !== void 0 && (opts.minExclusive ? x <= opts.min : x < opts.min)) {
      this.err(v, `${what} must be ${opts.minExclusive ? "greater than" : "at least"} ${opts.min}, got ${x}`);
      return void 0;
    }
    if (opts.max !== void 0 && x > opts.max) {
      this.err(v, `${what} must be at most ${opts.max}, got ${x}`);
      return void 0;
    }
    return x;
  }
  duration(v, what) {
    const n = this.resolve(v.node);
    if (!(0, import_yaml3.isScalar)(n) || typeof n.value !== "number" && typeof n.value !== "string") {
      this.err(v, `${what} must be a duration such as 30s, 5m, 1m30s or a number of milliseconds, got ${this.describe(n)}`);
      return void 0;
    }
    const r = parseDuration(n.value);
    if (!r.ok) {
      this.err(v, `${what}: ${r.message}`);
      return void 0;
    }
    return r.ms;
  }
  strList(v, what) {
    const its = this.items(v, what);
    if (!its) return void 0;
    const out = [];
    let ok = true;
    for (const it of its) {
      const s = this.str(it, `each entry of ${what}`);
      if (s === void 0) ok = false;
      else out.push(s);
    }
    return ok ? out : void 0;
  }
  /** Plain JSON value of a node, exactly as written (module configs, bodies, EDUs). */
  json(v, what) {
    const problems = [];
    const out = this.toJson(v.node, problems, 0);
    if (problems.length) {
      this.err(v, `${what}: ${problems[0]}`);
      return void 0;
    }
    return out;
  }
  toJson(node, problems, depth) {
    if (problems.length) return null;
    if (--this.jsonBudget < 0) {
      problems.push(`too large (more than ${this.limits.json.toLocaleString("en-US")} values in total, counting repeated aliases)`);
      return null;
    }
    if (depth > 100) {
      problems.push("nested too deeply (more than 100 levels)");
      return null;
    }
    const n = this.resolve(node);
    if (n === null) return null;
    if ((0, import_yaml3.isScalar)(n)) {
      const x = n.value;
      if (typeof x === "number" && !Number.isFinite(x)) problems.push(`${x} is not a JSON number`);
      if (typeof x === "bigint") return Number(x);
      if (typeof x === "string" && x.length > this.limits.string) problems.push(`text longer than ${this.limits.string} characters`);
      return x;
    }
    if ((0, import_yaml3.isSeq)(n)) return n.items.map((it) => this.toJson(it, problems, depth + 1));
    if ((0, import_yaml3.isMap)(n)) {
      const obj = {};
      for (const p of n.items) {
        const k = this.resolve(p.key);
        if (!(0, import_yaml3.isScalar)(k) || k.value === null || typeof k.value === "object") {
          problems.push("map keys must be plain text");
          return null;
        }
        if (Object.prototype.hasOwnProperty.call(obj, String(k.value))) {
          problems.push(`the key "${String(k.value)}" appears twice`);
          return null;
        }
        Object.defineProperty(obj, String(k.value), {
          value: this.toJson(p.value, problems, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return obj;
    }
    problems.push("unsupported YAML value");
    return null;
  }
};
function join(path, key) {
  return path ? `${path}.${key}` : key;
}

// src/scenario/moduleRef.ts
var SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
var EXPORT_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
var MAX_REF = 200;
function showRef(spec) {
  return JSON.stringify(spec.length > 80 ? spec.slice(0, 80) + "\u2026" : spec);
}
var PY_DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*\.[A-Z]\w*$/;
function pythonDotted(spec) {
  if (!PY_DOTTED.test(spec) || /\.(ts|js|py)$/.test(spec)) return null;
  const parts = spec.split(".");
  const cls = parts.pop();
  return { ok: true, ref: { file: `${parts.join("/")}.py`, export: cls } };
}
function parseModuleRef(spec) {
  const bad = (why) => ({ ok: false, message: `module ${showRef(spec)} ${why}` });
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(spec)) return bad("contains a line break or control character; write the file name on one line, e.g. router.ts");
  if (spec.length > MAX_REF) return bad(`is longer than ${MAX_REF} characters`);
  const dotted = pythonDotted(spec.trim());
  if (dotted) return dotted;
  const hash = spec.indexOf("#");
  const file = (hash < 0 ? spec : spec.slice(0, hash)).trim();
  const exp = hash < 0 ? "default" : spec.slice(hash + 1).trim();
  if (!/\.(ts|js|py)$/.test(file) || file.length < 4) {
    return { ok: false, message: `module must name a .ts, .js or .py file, e.g. router.ts, router.ts#MyRouter or my_router.MyRouter (my_router.py), got ${showRef(spec)}` };
  }
  if (file.endsWith(".py") && hash < 0) {
    return bad("names a Python file but no class: write router.py#MyRouter, or router.MyRouter as in homeserver.yaml");
  }
  if (file.startsWith("/") || file.includes("\\")) return bad("must be a path relative to scenario.yaml with / between folders, e.g. lib/router.ts");
  const segments = file.replace(/^\.\//, "").split("/");
  if (segments.some((s) => s === "..")) return bad("leaves the scenario's folder (..): module files must be next to scenario.yaml or below it");
  if (!segments.every((s) => SEGMENT.test(s))) return bad("may only use letters, digits, _ . - in file and folder names");
  if (!EXPORT_NAME.test(exp)) return { ok: false, message: `${showRef(exp)} after # must be the name of an export, e.g. router.ts#MyRouter` };
  return { ok: true, ref: { file, export: exp } };
}

// src/scenario/validateServers.ts
function defaultServer(name) {
  return {
    name,
    presence: {
      enabled: true,
      // R70
      include_offline_users_on_sync: false,
      // R46
      last_active_granularity: 6e4,
      // G
      sync_online_timeout: 3e4,
      // S
      idle_timeout: 3e5,
      // I
      presence_router: null
      // R57
    },
    modules: [],
    // R56
    exclude_rooms_from_presence: [],
    // R74
    rc_presence: { per_user: { per_second: 0.1, burst_count: 1 } },
    // R9: Synapse's real limit
    experimental_features: { msc3026_enabled: false },
    // R1
    federation_domain_whitelist: null,
    // R33
    federation_rr_transactions_per_room_per_second: 50
    // R40
  };
}
var SERVER_KEYS = [
  "presence",
  "modules",
  "exclude_rooms_from_presence",
  "rc_presence",
  "experimental_features",
  "federation_domain_whitelist",
  "federation_rr_transactions_per_room_per_second"
];
var PRESENCE_KEYS = [
  "enabled",
  "include_offline_users_on_sync",
  "last_active_granularity",
  "sync_online_timeout",
  "idle_timeout",
  "presence_router"
];
function readServers(r, v) {
  const es = r.entries(v, "servers");
  if (!es) return [];
  if (es.length === 0) r.err(v, "servers must name at least one homeserver, e.g. servers: { example.org: {} }");
  if (es.length > r.limits.servers) {
    r.err(v, `too many servers (${es.length}; at most ${r.limits.servers})`);
    return [];
  }
  const out = [];
  for (const e of es) {
    const p = serverNameProblem(e.key);
    if (p) r.is.error(e.keyNode, e.path, p);
    out.push(readServer(r, e, e.key));
  }
  return out;
}
function readServer(r, v, name) {
  const s = defaultServer(name);
  const f = r.fields(v, `server ${name}`, SERVER_KEYS);
  if (!f) return s;
  if (f.presence) readPresence(r, f.presence, s);
  if (f.modules) {
    const its = r.items(f.modules, "modules") ?? [];
    for (const it of its) {
      const m = readModuleEntry(r, it);
      if (m) s.modules.push(m);
    }
  }
  if (f.exclude_rooms_from_presence) {
    const rooms = r.strList(f.exclude_rooms_from_presence, "exclude_rooms_from_presence");
    if (rooms) {
      const its = r.items(f.exclude_rooms_from_presence, "");
      rooms.forEach((id, i) => {
        const p = roomIdProblem(id);
        if (p) r.err(its[i], p);
      });
      s.exclude_rooms_from_presence = rooms;
    }
  }
  if (f.rc_presence) {
    const rc = r.fields(f.rc_presence, "rc_presence", ["per_user"]);
    if (rc?.per_user) {
      const pu = r.fields(rc.per_user, "rc_presence.per_user", ["per_second", "burst_count"]);
      if (pu?.per_second) s.rc_presence.per_user.per_second = r.num(pu.per_second, "per_second", { min: 0 }) ?? 0.1;
      if (pu?.burst_count) s.rc_presence.per_user.burst_count = r.num(pu.burst_count, "burst_count", { min: 0 }) ?? 1;
    }
  }
  if (f.experimental_features) {
    const x = r.fields(f.experimental_features, "experimental_features", ["msc3026_enabled"]);
    if (x?.msc3026_enabled) s.experimental_features.msc3026_enabled = r.bool(x.msc3026_enabled, "msc3026_enabled") ?? false;
  }
  if (f.federation_domain_whitelist && !r.isNull(f.federation_domain_whitelist)) {
    s.federation_domain_whitelist = r.strList(f.federation_domain_whitelist, "federation_domain_whitelist") ?? null;
  }
  if (f.federation_rr_transactions_per_room_per_second) {
    const n = r.num(f.federation_rr_transactions_per_room_per_second, "federation_rr_transactions_per_room_per_second", {
      min: 0,
      minExclusive: true
    });
    if (n !== void 0) s.federation_rr_transactions_per_room_per_second = n;
  }
  return s;
}
function readPresence(r, v, s) {
  const f = r.fields(v, "presence", PRESENCE_KEYS);
  if (!f) return;
  const p = s.presence;
  if (f.enabled) p.enabled = readEnabled(r, f.enabled) ?? true;
  if (f.include_offline_users_on_sync)
    p.include_offline_users_on_sync = r.bool(f.include_offline_users_on_sync, "include_offline_users_on_sync") ?? false;
  const g2 = f.last_active_granularity && r.duration(f.last_active_granularity, "last_active_granularity");
  const st = f.sync_online_timeout && r.duration(f.sync_online_timeout, "sync_online_timeout");
  const i = f.idle_timeout && r.duration(f.idle_timeout, "idle_timeout");
  if (typeof g2 === "number") {
    if (g2 <= 0) r.err(f.last_active_granularity, "last_active_granularity must be greater than 0");
    else p.last_active_granularity = g2;
  }
  if (typeof st === "number") {
    if (st <= 0) r.err(f.sync_online_timeout, "sync_online_timeout must be greater than 0");
    else p.sync_online_timeout = st;
  }
  if (typeof i === "number") p.idle_timeout = i;
  if ((f.idle_timeout || f.last_active_granularity) && p.idle_timeout <= p.last_active_granularity && g2 !== 0) {
    r.err(
      f.idle_timeout ?? f.last_active_granularity,
      `idle_timeout (${p.idle_timeout} ms) must be greater than last_active_granularity (${p.last_active_granularity} ms), as Synapse requires`
    );
  }
  if (f.presence_router && !r.isNull(f.presence_router)) p.presence_router = readModuleEntry(r, f.presence_router) ?? null;
}
function readEnabled(r, v) {
  const n = r.resolve(v.node);
  const x = n && "value" in n ? n.value : void 0;
  if (x === true || x === false || x === "untracked") return x;
  r.err(v, `enabled must be true, false or "untracked", got ${r.describe(v.node)}`);
  return void 0;
}
function readModuleEntry(r, v) {
  const f = r.fields(v, "a module entry", ["module", "config"], ["module"]);
  if (!f?.module) return void 0;
  const spec = r.str(f.module, "module");
  if (spec === void 0) return void 0;
  const parsed = parseModuleRef(spec);
  if (!parsed.ok) {
    r.err(f.module, parsed.message);
    return void 0;
  }
  const { file, export: exp } = parsed.ref;
  let config = {};
  if (f.config && !r.isNull(f.config)) config = r.json(f.config, "config");
  return { module: spec, file, export: exp, config: config ?? {}, path: v.path };
}

// src/scenario/validateWorld.ts
function readUsers(r, v, world) {
  const es = r.entries(v, "users");
  if (!es) return;
  if (es.length > r.limits.users) {
    r.err(v, `too many users (${es.length}; at most ${r.limits.users})`);
    return;
  }
  for (const e of es) {
    if (r.is.full) break;
    const key = { node: e.keyNode, path: e.path };
    if (!world.checkNewUser(key, e.key)) continue;
    let devices = ["DEV"];
    const f = r.fields(e, `user ${e.key}`, ["devices"]);
    if (f?.devices) {
      const ds = r.strList(f.devices, "devices");
      if (ds) {
        const its = r.items(f.devices, "devices");
        if (ds.length > r.limits.devices) r.err(f.devices, `too many devices (${ds.length}; at most ${r.limits.devices})`);
        ds.forEach((d, i) => {
          if (d === "") r.err(its[i], "a device id cannot be empty");
          else if (ds.indexOf(d) !== i) r.err(its[i], `device "${d}" is listed twice`);
        });
        devices = ds;
      }
    }
    world.users.set(e.key, { id: e.key, devices });
  }
}
function readRooms(r, v, world) {
  const es = r.entries(v, "rooms");
  if (!es) return [];
  if (es.length > r.limits.rooms) {
    r.err(v, `too many rooms (${es.length}; at most ${r.limits.rooms})`);
    return [];
  }
  const out = [];
  for (const e of es) {
    const p = roomIdProblem(e.key);
    if (p) {
      r.is.error(e.keyNode, e.path, p);
      continue;
    }
    const its = r.items(e, `the members of ${e.key}`);
    const members = [];
    for (const it of its ?? []) {
      if (r.is.full) break;
      const u = world.user(it, "a room member");
      if (u === void 0) continue;
      if (members.includes(u)) r.err(it, `${u} is listed twice in ${e.key}`);
      else members.push(u);
    }
    world.rooms.add(e.key);
    out.push({ id: e.key, members });
  }
  return out;
}
function readClients(r, v, world) {
  const its = r.items(v, "clients");
  if (!its) return [];
  if (its.length > r.limits.clients) {
    r.err(v, `too many clients (${its.length}; at most ${r.limits.clients})`);
    return [];
  }
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const it of its) {
    if (r.is.full) break;
    const f = r.fields(it, "a client", ["user", "device", "set_presence"], ["user"]);
    if (!f?.user) continue;
    const user = world.user(f.user, "user");
    if (user === void 0) continue;
    const device = world.device(f.device, user, it);
    if (device === void 0) continue;
    const set_presence = f.set_presence ? r.str(f.set_presence, "set_presence") : "online";
    if (set_presence === void 0) continue;
    const k = `${user}\0${device}`;
    if (seen.has(k)) r.err(it, `a client for ${user} device ${device} is already listed`);
    seen.add(k);
    out.push({ user, device, set_presence });
  }
  return out;
}

// src/scenario/validateSteps.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/scenario/stepKinds.ts
var ACTIONS = [
  "presence",
  "sync",
  "client",
  "activity",
  "membership",
  "module_api",
  "edu",
  "get_presence",
  "restart",
  "until"
];
var MEMBERSHIPS = ["join", "invite", "leave", "ban", "knock"];
function readAction(r, w, key, v, refs) {
  switch (key) {
    case "presence":
      return presence(r, w, v, refs);
    case "sync":
      return sync(r, w, v, refs);
    case "client":
      return client(r, w, v);
    case "activity":
      return activity(r, w, v);
    case "membership":
      return membership(r, w, v);
    case "module_api":
      return moduleApi(r, w, v);
    case "edu":
      return edu(r, w, v);
    case "get_presence":
      return getPresence2(r, w, v, refs);
    case "restart": {
      const f = r.fields(v, "a restart step", ["server"], ["server"]);
      const server = f?.server && w.server(f.server, "server");
      return server ? { kind: "restart", server } : void 0;
    }
    case "until":
      return r.fields(v, "an until step (write until: {})", []) ? { kind: "until" } : void 0;
  }
}
function label(r, f, refs) {
  if (!f.label || r.isNull(f.label)) return null;
  const l = r.str(f.label, "label");
  if (l === void 0) return void 0;
  if (l === "") {
    r.err(f.label, "a label cannot be empty");
    return void 0;
  }
  refs.label = f.label;
  return l;
}
function userDevice(r, w, f, at) {
  const user = f.user && w.user(f.user, "user");
  if (!user) return void 0;
  const device = w.device(f.device, user, at);
  return device === void 0 ? void 0 : { user, device };
}
function presence(r, w, v, refs) {
  const f = r.fields(v, "a presence step", ["user", "device", "state", "status_msg", "label"], ["user", "state"]);
  if (!f) return void 0;
  const ud = userDevice(r, w, f, v);
  const lab = label(r, f, refs);
  const body = {};
  if (f.state) body.presence = r.json(f.state, "state");
  if (f.status_msg) body.status_msg = r.json(f.status_msg, "status_msg");
  if (!ud || lab === void 0 || !f.state) return void 0;
  return { kind: "presence", ...ud, body, label: lab };
}
function sync(r, w, v, refs) {
  const f = r.fields(v, "a sync step", ["user", "device", "set_presence", "since", "timeout", "full_state", "filter", "label"], ["user"]);
  if (!f) return void 0;
  const ud = userDevice(r, w, f, v);
  const lab = label(r, f, refs);
  let ok = ud !== void 0 && lab !== void 0;
  const set_presence = f.set_presence ? r.str(f.set_presence, "set_presence") : "online";
  let since;
  if (f.since && !r.isNull(f.since)) {
    since = r.str(f.since, "since");
    if (since === void 0) ok = false;
    else refs.since = f.since;
  }
  const timeout = f.timeout ? r.duration(f.timeout, "timeout") : 0;
  const full_state = f.full_state ? r.bool(f.full_state, "full_state") : false;
  const filter = f.filter && !r.isNull(f.filter) ? readFilter(r, f.filter) : null;
  if (set_presence === void 0 || timeout === void 0 || full_state === void 0 || filter === void 0) ok = false;
  if (!ok) return void 0;
  return { kind: "sync", ...ud, set_presence, since, timeout, full_state, filter, label: lab };
}
function readFilter(r, v) {
  const f = r.fields(v, "filter", ["presence"]);
  if (!f) return void 0;
  if (!f.presence) return {};
  const p = r.fields(f.presence, "filter.presence", ["types", "not_types", "senders", "not_senders"]);
  if (!p) return void 0;
  const out = {};
  let ok = true;
  for (const k of ["types", "not_types", "senders", "not_senders"]) {
    if (!p[k]) continue;
    const l = r.strList(p[k], k);
    if (l === void 0) ok = false;
    else out[k] = l;
  }
  return ok ? { presence: out } : void 0;
}
function client(r, w, v) {
  const f = r.fields(v, "a client step", ["user", "device", "run", "set_presence"], ["user", "run"]);
  if (!f) return void 0;
  const ud = userDevice(r, w, f, v);
  let run;
  if (f.run) {
    const s = r.str(f.run, "run");
    if (s === "start" || s === "stop") run = s;
    else if (s !== void 0) r.err(f.run, `run must be start or stop, got "${s}"`);
  }
  const set_presence = f.set_presence ? r.str(f.set_presence, "set_presence") : "online";
  if (!ud || !run || set_presence === void 0) return void 0;
  return { kind: "client", ...ud, run, set_presence };
}
function activity(r, w, v) {
  const f = r.fields(v, "an activity step", ["user", "device", "room"], ["user"]);
  if (!f) return void 0;
  const ud = userDevice(r, w, f, v);
  let room = null;
  if (f.room && !r.isNull(f.room)) room = w.room(f.room, "room", true);
  if (!ud || room === void 0) return void 0;
  return { kind: "activity", ...ud, room };
}
function membership(r, w, v) {
  const f = r.fields(v, "a membership step", ["user", "room", "membership"], ["user", "room", "membership"]);
  if (!f) return void 0;
  const user = f.user && w.user(f.user, "user");
  const room = f.room && w.room(f.room, "room", false);
  let m;
  if (f.membership) {
    const s = r.str(f.membership, "membership");
    if (s !== void 0) {
      m = MEMBERSHIPS.find((x) => x === s);
      if (!m) {
        const c = closest(s, MEMBERSHIPS);
        r.err(f.membership, `membership must be one of ${MEMBERSHIPS.join(", ")}, got "${s}"${c ? `; did you mean ${c}?` : ""}`);
      }
    }
  }
  if (!user || !room || !m) return void 0;
  return { kind: "membership", user, room, membership: m };
}
function moduleApi(r, w, v) {
  const CALLS = ["send_local_online_presence_to", "set_presence_for_users"];
  const f = r.fields(v, "a module_api step", ["server", ...CALLS], ["server"]);
  if (!f) return void 0;
  const server = f.server && w.server(f.server, "server");
  const given = CALLS.filter((c) => f[c]);
  if (given.length !== 1) {
    r.err(given.length ? f[given[1]] : v, `a module_api step makes exactly one call: ${CALLS.join(" or ")}`);
    return void 0;
  }
  const call = given[0];
  const a = f[call];
  let args;
  if (call === "send_local_online_presence_to") {
    args = r.strList(a, call);
    const its = args ? r.items(a, call) : [];
    for (const [i, u] of (args ?? []).entries()) {
      if (w.users.has(u)) continue;
      const hint = w.suggestUser(u);
      r.warn(its[i], `${u} is not declared under users:${hint.startsWith(";") ? hint : ""}`);
    }
  } else {
    const es = r.entries(a, call);
    if (es) {
      for (const e of es) {
        const pair = r.items(e, `the value for ${e.key}`);
        if (!pair) continue;
        if (pair.length !== 2) {
          r.err(e, `the value for ${e.key} must be [state, status_msg], e.g. [online, null]`);
          continue;
        }
        r.str(pair[0], "the state");
        if (!r.isNull(pair[1])) r.str(pair[1], "the status_msg (text or null)");
      }
      args = r.json(a, call);
    }
  }
  if (!server || args === void 0) return void 0;
  return { kind: "module_api", server, call, args };
}
function edu(r, w, v) {
  const f = r.fields(v, "an edu step", ["origin", "destination", "push"], ["origin", "destination", "push"]);
  if (!f) return void 0;
  const origin = f.origin && r.str(f.origin, "origin");
  if (origin !== void 0) {
    const p = serverNameProblem(origin);
    if (p) r.err(f.origin, p);
  }
  const destination = f.destination && w.server(f.destination, "destination");
  let push;
  if (f.push) {
    if (r.items(f.push, "push")) push = r.json(f.push, "push");
  }
  if (!origin || serverNameProblem(origin) || !destination || !push) return void 0;
  return { kind: "edu", origin, destination, push };
}
function getPresence2(r, w, v, refs) {
  const f = r.fields(v, "a get_presence step", ["user", "target", "label"], ["user", "target"]);
  if (!f) return void 0;
  const user = f.user && w.user(f.user, "user");
  const target = f.target && r.str(f.target, "target");
  if (target !== void 0 && !w.users.has(target)) {
    const s = w.suggestUser(target);
    if (s.startsWith(";")) r.warn(f.target, `${target} is not declared under users:${s}`);
  }
  const lab = label(r, f, refs);
  if (!user || target === void 0 || lab === void 0) return void 0;
  return { kind: "get_presence", user, target, label: lab };
}

// src/scenario/validateSteps.ts
function readSteps(r, v, w) {
  const its = r.items(v, "steps");
  if (!its) return [];
  if (its.length > r.limits.steps) {
    r.err(v, `too many steps (${its.length}; at most ${r.limits.steps})`);
    return [];
  }
  preScanRooms(r, its, w);
  const steps = [];
  const refs = /* @__PURE__ */ new Map();
  let maxAt = -1;
  let maxAtPath = "";
  for (let index = 0; index < its.length && !r.is.full; index++) {
    const it = its[index];
    const keys = ["at", ...ACTIONS];
    const f = r.fields(it, "a step", keys, ["at"]);
    if (!f) continue;
    const actions = ACTIONS.filter((a) => f[a]).sort((a, b) => (f[a].keyNode.range?.[0] ?? 0) - (f[b].keyNode.range?.[0] ?? 0));
    if (actions.length === 0) {
      if (!hasUnknownKey(r, it, keys)) r.err(it, `a step needs one action: ${ACTIONS.join(", ")}`);
      continue;
    }
    if (actions.length > 1) {
      const second = f[actions[1]];
      r.is.error(second.keyNode, second.path, `a step has exactly one action, this one has ${actions.join(" and ")}; split it into separate steps`);
      continue;
    }
    const at = f.at ? r.duration(f.at, "at") : void 0;
    if (at !== void 0 && at > r.limits.offset) r.err(f.at, `at ${formatDuration(at)} is too late (at most ${formatDuration(r.limits.offset)})`);
    const key = actions[0];
    const stepRefs = {};
    const action = readAction(r, w, key, f[key], stepRefs);
    if (at === void 0 || at > r.limits.offset || !action) continue;
    if (at < maxAt) {
      r.warn(f.at, `this step (at ${formatDuration(at)}) is listed after ${maxAtPath} (at ${formatDuration(maxAt)}); steps run in order of at, so it runs first`);
    } else {
      maxAt = at;
      maxAtPath = it.path;
    }
    const step = { ...action, at, index, path: it.path };
    steps.push(step);
    refs.set(step, stepRefs);
  }
  steps.sort((a, b) => a.at - b.at || a.index - b.index);
  checkLabels(r, steps, refs);
  return steps;
}
function hasUnknownKey(r, v, keys) {
  const n = r.resolve(v.node);
  return (0, import_yaml4.isMap)(n) && n.items.some((p) => (0, import_yaml4.isPair)(p) && (0, import_yaml4.isScalar)(p.key) && !keys.includes(String(p.key.value)));
}
function preScanRooms(r, its, w) {
  for (const it of its) {
    const n = r.resolve(it.node);
    if (!(0, import_yaml4.isMap)(n)) continue;
    const m = r.resolve(n.get("membership", true));
    if (!(0, import_yaml4.isMap)(m)) continue;
    const room = r.resolve(m.get("room", true));
    if ((0, import_yaml4.isScalar)(room) && typeof room.value === "string" && room.value.startsWith("!")) w.rooms.add(room.value);
  }
}
function labelOf(s) {
  return s.kind === "presence" || s.kind === "sync" || s.kind === "get_presence" ? s.label : null;
}
function checkLabels(r, steps, refs) {
  const byLabel = /* @__PURE__ */ new Map();
  const order = new Map(steps.map((s, i) => [s, i]));
  const fileOrder = [...steps].sort((a, b) => a.index - b.index);
  for (const s of fileOrder) {
    const l = labelOf(s);
    if (l === null) continue;
    const lv = refs.get(s).label;
    if (l === "initial") {
      r.err(lv, `"initial" is reserved (since: initial means no token); choose another label`);
      continue;
    }
    const prev = byLabel.get(l);
    if (prev) r.err(lv, `label "${l}" is already used by ${prev.step.path}; labels must be unique`);
    else byLabel.set(l, { step: s, pos: order.get(s) });
  }
  const syncLabels = [...byLabel.values()].filter((x) => x.step.kind === "sync").map((x) => labelOf(x.step));
  steps.forEach((s, pos) => {
    if (s.kind !== "sync" || s.since === void 0 || s.since === "initial") return;
    const sv = refs.get(s).since;
    const target = byLabel.get(s.since);
    if (!target) {
      const hint = didYouMean(s.since, syncLabels) || (closest(s.since, ["initial"]) ? "; did you mean initial?" : "");
      r.err(sv, `since: no sync step is labelled "${s.since}"${hint}`);
    } else if (target.step.kind !== "sync") {
      r.err(sv, `since: "${s.since}" labels a ${target.step.kind} step (${target.step.path}); since needs a sync step's label`);
    } else if (target.pos >= pos) {
      r.err(
        sv,
        target.step === s ? `since: a sync cannot continue from its own next_batch` : `since: "${s.since}" is the sync at ${formatDuration(target.step.at)} (${target.step.path}), which runs after this one; since must name an earlier sync`
      );
    }
  });
}

// src/scenario/validateExpect.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/scenario/validateExpectFields.ts
var WIRE_FIELDS = ["presence", "last_active_ago", "status_msg", "currently_active"];
var RECORD_FIELDS = ["state", "status_msg", "currently_active", "last_active_ts", "last_federation_update_ts", "last_user_sync_ts"];
function scalar(r, v) {
  const n = r.resolve(v.node);
  return n && "value" in n ? n.value : null;
}
function readWireFields(r, v, what) {
  const f = r.fields(v, what, WIRE_FIELDS);
  if (!f) return void 0;
  const out = {};
  let ok = true;
  for (const [k, e] of Object.entries(f)) {
    if (k === "presence" && r.isNull(e)) {
      r.err(e, "presence is always on the wire; write the expected state (null means absent only for the other fields)");
      ok = false;
      continue;
    }
    const val = r.isNull(e) ? null : wireValue(r, e);
    if (val === void 0) ok = false;
    else out[k] = val;
  }
  return ok ? out : void 0;
}
function wireValue(r, e) {
  switch (e.key) {
    case "presence":
      return r.str(e, "presence");
    case "status_msg":
      return r.str(e, "status_msg (null: absent)");
    case "currently_active":
      return r.bool(e, "currently_active (null: absent)");
    default:
      return r.num(e, "last_active_ago (ms; null: absent)", { integer: true, min: 0 });
  }
}
function readRecordExpect(r, v, what) {
  const f = r.fields(v, what, RECORD_FIELDS);
  if (!f) return void 0;
  const n = r.resolve(v.node);
  if (n !== null && "items" in n && n.items.length === 0) {
    r.err(v, `${what} checks nothing; name at least one of ${RECORD_FIELDS.join(", ")}`);
    return void 0;
  }
  const out = {};
  let ok = true;
  for (const [k, e] of Object.entries(f)) {
    let val;
    if (k === "state") val = r.str(e, "state");
    else if (k === "status_msg") val = r.isNull(e) ? null : r.str(e, "status_msg (null: no status)");
    else if (k === "currently_active") val = r.bool(e, "currently_active");
    else val = tsOffset(r, e);
    if (val === void 0) ok = false;
    else out[k] = val;
  }
  return ok ? out : void 0;
}
function tsOffset(r, e) {
  if (scalar(r, e) === "never") return "never";
  const what = `${e.key} (an offset from the scenario start such as 40s, or never)`;
  const ms = r.duration(e, what);
  if (ms === void 0) return void 0;
  if (ms > r.limits.offset) {
    r.err(e, `${e.key} is an offset from the scenario start such as 40s (at most ${formatDuration(r.limits.offset)}), not an epoch timestamp; got ${ms}`);
    return void 0;
  }
  return ms;
}

// src/scenario/validateExpect.ts
var EXPECT_KINDS = ["sync", "state", "edus", "request", "sees", "never_sees", "no_errors"];
var EXPECT_FIELDS = {
  sync: ["sync", "sees", "only", "name"],
  state: ["state", "at", "server", "name"],
  edus: ["edus", "users", "entries", "count", "max_entries_per_edu", "only", "name"],
  request: ["request", "status", "errcode", "name"],
  sees: ["sees", "name"],
  never_sees: ["never_sees", "name"],
  no_errors: ["no_errors", "name"]
};
function readExpect(r, v, w, steps) {
  const its = r.items(v, "expect");
  if (!its) return [];
  if (its.length > r.limits.expect) {
    r.err(v, `too many expectations (${its.length}; at most ${r.limits.expect})`);
    return [];
  }
  const syncLabels = /* @__PURE__ */ new Set();
  for (const s of steps) if (s.kind === "sync" && s.label !== null) syncLabels.add(s.label);
  const labels = { sync: syncLabels, request: /* @__PURE__ */ new Set() };
  for (const s of steps) if ((s.kind === "presence" || s.kind === "get_presence" || s.kind === "sync") && s.label !== null) labels.request.add(s.label);
  const out = [];
  for (const it of its) {
    if (r.is.full) break;
    const es = r.entries(it, "an expectation");
    if (!es) continue;
    const keys = es.map((e) => e.key);
    const kinds = keys.includes("sync") ? ["sync"] : EXPECT_KINDS.filter((k) => keys.includes(k));
    if (kinds.length !== 1) {
      const msg = kinds.length ? `an expectation has exactly one kind, this one has ${kinds.join(" and ")}; split it` : `an expectation needs one kind: ${EXPECT_KINDS.join(", ")}${didYouMean(keys[0] ?? "", EXPECT_KINDS)}`;
      r.err(it, msg);
      continue;
    }
    const kind = kinds[0];
    const required = kind === "state" ? ["state", "at"] : kind === "request" ? ["request", "status"] : [kind];
    const f = r.fields(it, `a ${kind} expectation`, EXPECT_FIELDS[kind], required);
    if (!f || !required.every((k) => f[k])) continue;
    let name = null;
    if (f.name && !r.isNull(f.name)) name = r.str(f.name, "name") ?? null;
    const body = readBody(r, w, kind, f, labels);
    if (body) out.push({ ...body, name, path: it.path });
  }
  return out;
}
var ERRCODES = ["M_FORBIDDEN", "M_LIMIT_EXCEEDED", "M_UNKNOWN", "M_INVALID_PARAM", "M_BAD_JSON", "M_NOT_JSON", "M_NOT_FOUND", "M_MISSING_PARAM"];
function readBody(r, w, kind, f, labels) {
  switch (kind) {
    case "sync": {
      const label2 = r.str(f.sync, "sync (a sync step's label)");
      if (label2 !== void 0 && !labels.sync.has(label2)) {
        r.err(f.sync, `no sync step is labelled "${label2}"${didYouMean(label2, labels.sync)}`);
        return void 0;
      }
      const sees = {};
      let ok = label2 !== void 0;
      for (const e of f.sees && r.entries(f.sees, "sees") || []) {
        const u = w.user({ node: e.keyNode, path: e.path }, "sender");
        const val = isMapNode(r, e) ? readWireFields(r, e, `the expected content of ${e.key}`) : r.str(e, `the expected state of ${e.key} (a state such as online, or a map of content fields)`);
        if (u === void 0 || val === void 0) ok = false;
        else sees[u] = val;
      }
      const only = f.only ? r.bool(f.only, "only") : false;
      return ok && only !== void 0 ? { kind, label: label2, sees, only } : void 0;
    }
    case "state": {
      const users = {};
      let ok = true;
      for (const e of r.entries(f.state, "state") ?? []) {
        const u = w.user({ node: e.keyNode, path: e.path }, "user");
        const s = isMapNode(r, e) ? readRecordExpect(r, e, `the expected record of ${e.key}`) : r.str(e, `the expected state of ${e.key} (a state such as online, or a map of record fields)`);
        if (u === void 0 || s === void 0) ok = false;
        else users[u] = s;
      }
      const at = r.duration(f.at, "at");
      if (at !== void 0 && at > r.limits.offset) r.err(f.at, `at is too late (at most ${formatDuration(r.limits.offset)})`);
      const server = f.server && !r.isNull(f.server) ? w.server(f.server, "server") : null;
      if (!ok || at === void 0 || at > r.limits.offset || server === void 0) return void 0;
      return { kind, users, at, server };
    }
    case "edus": {
      const e = r.fields(f.edus, "edus", ["destination", "from", "to"], ["destination"]);
      const destination = e?.destination && w.server(e.destination, "destination");
      const from = e?.from ? r.duration(e.from, "from") : 0;
      const to = e?.to && !r.isNull(e.to) ? r.duration(e.to, "to") : null;
      if (typeof from === "number" && typeof to === "number" && to < from) r.err(e.to, "to must not be before from");
      const users = [];
      let ok = true;
      for (const it of f.users && r.items(f.users, "users") || []) {
        const u = w.user(it, "user");
        if (u === void 0) ok = false;
        else users.push(u);
      }
      const entries = {};
      for (const en of f.entries && r.entries(f.entries, "entries") || []) {
        const u = w.user({ node: en.keyNode, path: en.path }, "user");
        const fields = readWireFields(r, en, `the expected entry of ${en.key}`);
        if (u === void 0 || fields === void 0) ok = false;
        else entries[u] = fields;
      }
      if (f.entries && !r.isNull(f.entries) && ok && Object.keys(entries).length === 0) {
        r.err(f.entries, "entries checks nothing; map each user to the fields of its entry, or remove it");
        ok = false;
      }
      const count = f.count ? r.num(f.count, "count (how many m.presence EDUs)", { integer: true, min: 0 }) : null;
      const max = f.max_entries_per_edu ? r.num(f.max_entries_per_edu, "max_entries_per_edu", { integer: true, min: 1 }) : null;
      const only = f.only ? r.bool(f.only, "only") : false;
      if (!ok || !destination || from === void 0 || to === void 0 || only === void 0) return void 0;
      if (count === void 0 || max === void 0) return void 0;
      if (to !== null && to < from) return void 0;
      const out = { kind, destination, from, to, users, only };
      if (f.entries) out.entries = entries;
      if (count !== null) out.count = count;
      if (max !== null) out.max_entries_per_edu = max;
      return out;
    }
    case "request": {
      const label2 = r.str(f.request, "request (a presence, get_presence or sync step's label)");
      if (label2 !== void 0 && !labels.request.has(label2)) {
        const hint = didYouMean(label2, labels.request);
        const none = labels.request.size ? "" : " (label the step: label: <name>)";
        r.err(f.request, `no presence, get_presence or sync step is labelled "${label2}"${hint}${none}`);
        return void 0;
      }
      const status = r.num(f.status, "status (an HTTP status such as 200 or 403)", { integer: true, min: 100, max: 599 });
      let errcode;
      if (f.errcode && !r.isNull(f.errcode)) {
        errcode = r.str(f.errcode, "errcode");
        if (errcode !== void 0 && !ERRCODES.includes(errcode)) {
          const s = closest(errcode, ERRCODES);
          if (s) {
            r.err(f.errcode, `unknown errcode "${errcode}"; did you mean ${s}?`);
            return void 0;
          }
        }
        if (errcode !== void 0 && status !== void 0 && status < 400) {
          r.err(f.errcode, `a ${status} response has no errcode; remove errcode or expect an error status (4xx/5xx)`);
          return void 0;
        }
        if (errcode === void 0) return void 0;
      }
      if (label2 === void 0 || status === void 0) return void 0;
      return errcode === void 0 ? { kind, label: label2, status } : { kind, label: label2, status, errcode };
    }
    case "sees":
    case "never_sees": {
      const p = r.fields(f[kind], kind, ["viewer", "source"], ["viewer", "source"]);
      const viewer = p?.viewer && w.user(p.viewer, "viewer");
      const source = p?.source && w.user(p.source, "source");
      return viewer && source ? { kind, viewer, source } : void 0;
    }
    case "no_errors": {
      const b = r.bool(f.no_errors, "no_errors");
      if (b === false) r.err(f.no_errors, "no_errors: false checks nothing; write no_errors: true or remove it");
      return b ? { kind } : void 0;
    }
  }
}
function isMapNode(r, v) {
  const n = r.resolve(v.node);
  return (0, import_yaml5.isMap)(n);
}

// src/scenario/yamlErrors.ts
var HINTS = {
  DUPLICATE_KEY: "this key appears twice in the same map; keep one",
  TAB_AS_INDENT: "tabs are not allowed for indentation in YAML; indent with spaces",
  MULTIPLE_DOCS: "the file holds more than one YAML document (a second ---); a scenario is one document",
  TAG_RESOLVE_FAILED: 'YAML reads a value starting with ! as a tag; quote room ids, e.g. "!team:example.org"'
};
function yamlErrorMessage(e) {
  const plain = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").trim();
  const hint = HINTS[e.code];
  if (e.code === "TAG_RESOLVE_FAILED") {
    const tag = /tag: (\S+)/.exec(plain)?.[1]?.replace(/:$/, "");
    return tag ? `${tag} is read as a YAML tag; quote it: "${tag}"` : hint;
  }
  if (hint) return hint;
  if (e.code === "BAD_SCALAR_START" && /reserved character @/.test(plain)) {
    return `${plain}; quote user ids, e.g. "@alice:example.org"`;
  }
  if (e.code === "BAD_SCALAR_START" && /reserved character `/.test(plain)) return `${plain}; quote the value`;
  const q2 = /^Missing closing (["'])quote/.exec(plain);
  if (q2) return `this quoted text is never closed; add the closing ${q2[1]}`;
  if (e.code === "MISSING_CHAR") return `${plain} (is a bracket left open?)`;
  return lowerFirst(plain);
}
function lowerFirst(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
function yamlErrorRange(e, text2) {
  const q2 = /^Missing closing (["'])quote/.exec(e.message);
  if (q2) {
    const open = text2.lastIndexOf(q2[1], e.pos[0] - 1);
    if (open >= 0) return [open, open + 1];
  }
  return [e.pos[0], e.pos[1]];
}

// src/scenario/parse.ts
var MAX_TEXT = 16 * 1024 * 1024;
var TOP_KEYS = [
  "version",
  "duration",
  "seed",
  "start_time",
  "servers",
  "users",
  "rooms",
  "clients",
  "steps",
  "expect",
  "fidelity",
  "federation_delay"
];
var FIDELITY_KEYS = [
  "periodic_repersist",
  "strict_async",
  "all_users_requires_mapping",
  "assert_local_federation_records",
  "status_msg_quirk"
];
function defaultFidelity() {
  return {
    periodic_repersist: true,
    strict_async: true,
    all_users_requires_mapping: true,
    assert_local_federation_records: true,
    status_msg_quirk: true
  };
}
function parseScenario(text2, file = "scenario.yaml", options = {}) {
  const lc = new import_yaml6.LineCounter();
  if (typeof text2 !== "string") text2 = String(text2);
  if (text2.length > MAX_TEXT) {
    lc.addNewLine(0);
    const is2 = new Issues("", lc, file, null);
    is2.error(null, "", `the scenario is too large (${text2.length} characters; at most ${MAX_TEXT})`);
    return { ok: false, errors: is2.finish() };
  }
  const doc = (0, import_yaml6.parseDocument)(text2, { lineCounter: lc, prettyErrors: true, uniqueKeys: false });
  const is = new Issues(text2, lc, file, doc);
  for (const e of doc.errors) is.error(yamlErrorRange(e, text2), "", yamlErrorMessage(e));
  for (const w of doc.warnings) {
    if (w.code === "TAG_RESOLVE_FAILED") is.error([w.pos[0], w.pos[1]], "", yamlErrorMessage(w));
    else is.warn([w.pos[0], w.pos[1]], "", yamlErrorMessage(w));
  }
  if (is.errorCount > 0) return { ok: false, errors: is.finish() };
  const r = new Reader(is, doc, { ...DEFAULT_LIMITS, ...options.limits });
  let scenario;
  try {
    scenario = readScenario(r, doc);
  } catch (err) {
    is.error(null, "", `internal error while checking the scenario: ${err instanceof Error ? err.message : String(err)}`);
  }
  const issues = is.finish();
  if (is.errorCount > 0 || !scenario) return { ok: false, errors: issues };
  return { ok: true, scenario, warnings: issues };
}
function readScenario(r, doc) {
  const root = { node: doc.contents ?? null, path: "", where: [0, 0] };
  if (r.isNull(root)) {
    r.err(root, "the scenario is empty; it needs at least servers:, e.g. servers: { example.org: {} }");
    return void 0;
  }
  const f = r.fields(root, "the scenario", TOP_KEYS, ["servers"]);
  if (!f) return void 0;
  if (f.version) {
    const n = r.num(f.version, "version");
    if (n !== void 0 && n !== 1) r.err(f.version, `unsupported version ${n}; this playground reads version: 1`);
  }
  const duration = f.duration && !r.isNull(f.duration) ? r.duration(f.duration, "duration") : null;
  if (typeof duration === "number" && (duration <= 0 || duration > r.limits.offset))
    r.err(f.duration, `duration must be more than 0 and at most ${formatDuration(r.limits.offset)}, got ${formatDuration(duration)}`);
  const seed = f.seed ? r.num(f.seed, "seed", { integer: true, min: 0, max: 4294967295 }) : 1;
  const start_time = f.start_time ? readStartTime(r, f.start_time) : DEFAULT_START_TIME;
  const fidelity = defaultFidelity();
  if (f.fidelity) {
    const ff = r.fields(f.fidelity, "fidelity", FIDELITY_KEYS);
    for (const k of FIDELITY_KEYS) if (ff?.[k]) fidelity[k] = r.bool(ff[k], k) ?? true;
  }
  const federation_delay = { min: 0, max: 100 };
  if (f.federation_delay) {
    const fd = r.fields(f.federation_delay, "federation_delay", ["min", "max"]);
    const min = fd?.min ? r.duration(fd.min, "min") : 0;
    const max = fd?.max ? r.duration(fd.max, "max") : Math.max(100, min ?? 0);
    if (min !== void 0 && max !== void 0) {
      if (max > 3e4) r.err(fd.max, "federation_delay max must be at most 30s (Synapse drains its queue within 30 s, R40)");
      else if (min > max) r.err(fd.min ?? f.federation_delay, `federation_delay min (${formatDuration(min)}) is above max (${formatDuration(max)})`);
      else Object.assign(federation_delay, { min, max });
    }
  }
  const world = new World(r);
  const servers = f.servers ? readServers(r, f.servers) : [];
  world.servers.push(...servers.map((s) => s.name));
  if (f.users) readUsers(r, f.users, world);
  const rooms = f.rooms ? readRooms(r, f.rooms, world) : [];
  const clients = f.clients ? readClients(r, f.clients, world) : [];
  const steps = f.steps ? readSteps(r, f.steps, world) : [];
  const expect = f.expect ? readExpect(r, f.expect, world, steps) : [];
  if (typeof duration === "number" && f.steps) {
    const items = r.items(f.steps, "steps") ?? [];
    for (const s of steps) {
      if (s.at > duration) {
        const msg = `this step (at ${formatDuration(s.at)}) is after the end of the run (duration ${formatDuration(duration)}); it will not run`;
        r.is.warn(items[s.index]?.node ?? null, s.path, msg);
      }
    }
  }
  if (duration === void 0 || seed === void 0 || start_time === void 0) return void 0;
  return {
    version: 1,
    duration,
    seed,
    start_time,
    servers,
    users: [...world.users.values()],
    rooms,
    clients,
    steps,
    expect,
    fidelity,
    federation_delay
  };
}
var ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
function readStartTime(r, v) {
  const n = r.resolve(v.node);
  const x = n && "value" in n ? n.value : void 0;
  if (typeof x === "number") return r.num(v, "start_time", { integer: true, min: 0, max: 253402300799999 });
  if (typeof x !== "string") {
    r.err(v, `start_time must be an ISO date-time such as 2026-01-01T00:00:00Z or epoch milliseconds, got ${r.describe(v.node)}`);
    return void 0;
  }
  const m = ISO.exec(x.trim());
  if (!m) {
    r.err(v, `start_time "${x}" is not an ISO date-time such as 2026-01-01T00:00:00Z`);
    return void 0;
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  if (m[4] !== void 0 && zone === void 0) {
    r.err(v, `start_time "${x}" has no time zone; add Z for UTC (e.g. ${x.trim()}Z)`);
    return void 0;
  }
  const [Y, Mo, D, H, Mi, S] = [y, mo, d, h, mi, s].map(Number);
  const ms = Number(frac.padEnd(3, "0"));
  let t = Date.UTC(Y, Mo - 1, D, H, Mi, S, ms);
  const back = new Date(t);
  if (Mo < 1 || Mo > 12 || back.getUTCDate() !== D || H > 23 || Mi > 59 || S > 59) {
    r.err(v, `start_time "${x}" is not a real date and time`);
    return void 0;
  }
  if (zone && zone.toUpperCase() !== "Z") {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    const off = (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * 6e4;
    t -= zm[1] === "+" ? off : -off;
  }
  if (t < 0) {
    r.err(v, "start_time must not be before 1970-01-01T00:00:00Z");
    return void 0;
  }
  return t;
}

// src/pipeline/parse.ts
function parse2(input, limits) {
  const r = parseScenario(input.text, input.path, { limits });
  return r.ok ? { ok: true, input, scenario: r.scenario, warnings: r.warnings } : { ok: false, input, errors: r.errors };
}

// ../prof/prof.ts
import { serialize } from "node:v8";

// bench/browser-scenarios.ts
var EDIT_1000 = { servers: 4, users: 1e3, rooms: 100, roomSize: 12, clients: 10, actions: 100, duration: 3e5, seed: 7 };
var q = (s) => JSON.stringify(s);
function generateUiScenario(shape) {
  const rnd = mulberry32(shape.seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const servers = Array.from({ length: shape.servers }, (_, i) => `hs${i}.example`);
  const users = Array.from({ length: shape.users }, (_, i) => `@u${i}:${servers[i % servers.length]}`);
  const out = ["version: 1", `seed: ${shape.seed}`, `duration: ${shape.duration}`, "servers:"];
  servers.forEach((s, i) => {
    out.push(`  ${s}:`);
    out.push("    rc_presence: { per_user: { per_second: 1000, burst_count: 1000 } }");
    out.push("    modules:");
    out.push("      - module: router.ts");
    out.push(`        config: { team_size: 50, inbox: ${q(`@u${i}:${s}`)} }`);
  });
  out.push("users:");
  for (const u of users) out.push(`  ${q(u)}: {}`);
  out.push("rooms:");
  for (let r = 0; r < shape.rooms; r++) {
    const members = /* @__PURE__ */ new Set();
    while (members.size < Math.min(shape.roomSize, users.length)) members.add(pick(users));
    out.push(`  ${q(`!r${r}:${servers[r % servers.length]}`)}: [${[...members].map(q).join(", ")}]`);
  }
  out.push("clients:");
  for (let c = 0; c < shape.clients; c++) out.push(`  - { user: ${q(users[c * 7 % users.length])}, device: DEV, set_presence: online }`);
  out.push("steps:");
  const states = ["online", "unavailable", "online", "offline"];
  for (let k = 0; k < shape.actions; k++) {
    const at = Math.floor(k / shape.actions * (shape.duration - 6e4));
    out.push(`  - { at: ${at}, presence: { user: ${q(pick(users))}, state: ${pick(states)}, status_msg: "s${k % 97}" } }`);
  }
  return out.join("\n") + "\n";
}

// bench/generate.ts
var BENCH_ROUTER = `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config { team_size: number; inbox: string }

/** Routes each update to the sender's team (users with nearby numbers) and an inbox. */
export default class TeamRouter {
  static parse_config(c: Record<string, unknown>): Config {
    return { team_size: Number(c.team_size ?? 50), inbox: String(c.inbox) };
  }
  constructor(private config: Config, private api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: async (states) => this.route(states),
      get_interested_users: async (user_id) => this.interest(user_id),
    });
  }
  private team(user_id: string): number {
    return Math.floor(Number(user_id.slice(2, user_id.indexOf(":"))) / this.config.team_size);
  }
  private route(states: Iterable<UserPresenceState>): Map<string, Set<UserPresenceState>> {
    const out = new Map<string, Set<UserPresenceState>>();
    const inbox = new Set<UserPresenceState>();
    for (const s of states) {
      inbox.add(s);
      const t = this.team(s.user_id);
      for (let i = 0; i < 3; i++) {
        const n = t * this.config.team_size + i;
        const target = "@u" + n + ":" + this.api.server_name;
        if (target === s.user_id) continue;
        let set = out.get(target);
        if (!set) out.set(target, (set = new Set()));
        set.add(s);
      }
    }
    out.set(this.config.inbox, inbox);
    return out;
  }
  private interest(user_id: string): Set<string> | typeof PresenceRouter.ALL_USERS {
    if (user_id === this.config.inbox) return PresenceRouter.ALL_USERS;
    return new Set();
  }
}
`;

// ../prof/prof.ts
var which = process.argv[2] ?? "default";
var rounds = Number(process.argv[3] ?? 1);
var text;
var files;
if (which === "default") {
  text = readFileSync("/work/main/examples/buddy-list-router/scenario.yaml", "utf8");
  files = { "router.ts": readFileSync("/work/main/examples/buddy-list-router/router.ts", "utf8") };
} else {
  text = generateUiScenario(EDIT_1000);
  files = { "router.ts": BENCH_ROUTER };
}
var parsed0 = parse2({ text, path: "scenario.yaml" });
if (!parsed0.ok) throw new Error("bad");
var g = gatherModules(parsed0, files);
var compiled = await compile(esbuild, files, g.entries);
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  const parsed = parse2({ text, path: "scenario.yaml" });
  if (!parsed.ok) throw new Error("bad");
  const t1 = performance.now();
  const tr = await runScenario(parsed.scenario, { host: createModuleHost(compiled), measure: true });
  const t2 = performance.now();
  const cc = await crossCheckRun(parsed.scenario, { host: createModuleHost(compiled) });
  const t3 = performance.now();
  const ex = await execute(parsed, compiled, { measure: true, crossCheck: true });
  const t4 = performance.now();
  const bytes = serialize(ex).length;
  const t5 = performance.now();
  console.log(which, r, JSON.stringify({ parse: +(t1 - t0).toFixed(1), run: +(t2 - t1).toFixed(1), crossCheck: +(t3 - t2).toFixed(1), cc_skipped: cc.skipped, executeAll: +(t4 - t3).toFixed(1), serialize: +(t5 - t4).toFixed(1), bytes, events: tr.events.length }));
}
