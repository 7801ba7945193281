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
        line = traceback.format_exception_only(type(e), e)[-1].strip()
        _write(out_path, json.dumps({"ok": False, "type": type(e).__name__, "message": line, "stack": stack}))
        return 1
    sys.stdout.flush()
    _write(out_path, _dump(g.get("result")))
    return 0


sys.exit(_main())
