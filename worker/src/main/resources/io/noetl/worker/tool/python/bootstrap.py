# NoETL python tool bootstrap: argv[1] = {step, code, context} JSON, argv[2] = where the outcome is written.
import json
import sys
import traceback


class _Obj(dict):
    """A dict whose keys are also attributes (step.field as in templates)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def _write(path, payload):
    with open(path, "w", encoding="utf-8") as f:
        f.write(payload)


def _dump(value):
    try:
        return json.dumps({"ok": True, "result": value}, default=str, allow_nan=False)
    except Exception:
        return json.dumps({"ok": True, "result": str(value)})


def _headline(e):
    """'Type: message' of one exception, the type qualified by its module unless builtin (as tracebacks print it)."""
    t = type(e)
    name = t.__qualname__ if t.__module__ in ("builtins", "__main__") else t.__module__ + "." + t.__qualname__
    try:
        text = str(e)
    except Exception:
        text = "<message unavailable>"
    return name + ": " + text if text else name


def _notes(e):
    notes = getattr(e, "__notes__", None)
    return ["note: " + str(n) for n in notes] if isinstance(notes, (list, tuple)) else []


def _describe(e):
    """The exception's own type and message first, then its notes, then the exceptions it was chained from."""
    lines = [_headline(e)] + _notes(e)
    seen = {id(e)}
    current = e
    while True:
        if current.__cause__ is not None:
            nxt, how = current.__cause__, "caused by: "
        elif current.__context__ is not None and not current.__suppress_context__:
            nxt, how = current.__context__, "while handling: "
        else:
            break
        if id(nxt) in seen:
            break
        seen.add(id(nxt))
        lines.append(how + _headline(nxt))
        lines.extend(_notes(nxt))
        current = nxt
    return "\n".join(lines)


def _main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f, object_hook=_Obj)
    out_path = sys.argv[2]
    ctx = spec.get("context") or {}
    g = {"__name__": "__main__", "__builtins__": __builtins__}
    for name in ("workload", "vars", "args", "iter", "keychain"):
        g[name] = _Obj()
    g["execution_id"] = None
    for k, v in ctx.items():
        if isinstance(k, str) and k.isidentifier():
            g[k] = v
    g["result"] = None
    try:
        exec(compile(spec["code"], "<step " + str(spec.get("step")) + ">", "exec"), g)
    except SystemExit as e:
        if e.code not in (None, 0):
            _write(out_path, json.dumps({"ok": False, "type": "SystemExit",
                                         "message": "SystemExit: " + str(e.code), "stack": ""}))
            return 1
    except BaseException as e:
        stack = "".join(traceback.format_exception(type(e), e, e.__traceback__.tb_next))
        _write(out_path, json.dumps({"ok": False, "type": type(e).__name__, "message": _describe(e), "stack": stack}))
        return 1
    sys.stdout.flush()
    _write(out_path, _dump(g.get("result")))
    return 0


sys.exit(_main())
