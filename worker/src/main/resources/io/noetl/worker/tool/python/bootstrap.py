# NoETL python tool bootstrap: argv[1] = {step, code, context, bindings, libs} JSON, argv[2] = where the outcome is
# written.
import ast
import datetime
import inspect
import json
import os
import sys
import traceback
import uuid


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


def _coerce(value):
    """A string holding a dict or list literal becomes that value (JSON first, then a Python literal)."""
    if isinstance(value, str):
        s = value.strip()
        if (s.startswith("{") and s.endswith("}")) or (s.startswith("[") and s.endswith("]")):
            try:
                return json.loads(s, object_hook=_Obj)
            except ValueError:
                try:
                    return ast.literal_eval(s)
                except (ValueError, SyntaxError):
                    return value
    return value


def _imports(libs):
    """Import statements of `libs`: alias -> module, or alias -> {from, import}."""
    lines = []
    for alias, target in (libs or {}).items():
        if isinstance(target, dict) and target.get("from") and target.get("import"):
            name = target["import"]
            lines.append("from %s import %s%s" % (target["from"], name, "" if alias == name else " as " + alias))
        elif isinstance(target, str) and target:
            lines.append("import " + target + ("" if alias == target else " as " + alias))
        else:
            raise ValueError("libs." + str(alias) + " must name a module or {from, import}, got " + repr(target))
    return lines


def _call_main(main, bindings, ctx):
    """main(...) with each parameter bound by name: `context`, then input/args, context.input, context.data, context."""
    sources = [bindings, ctx.get("input") if isinstance(ctx.get("input"), dict) else {},
               ctx.get("data") if isinstance(ctx.get("data"), dict) else {}, ctx]
    kwargs = {}
    var_kw = False
    for p in inspect.signature(main).parameters.values():
        if p.kind == p.VAR_POSITIONAL:
            raise TypeError("main(*" + p.name + ") is not supported: name its parameters")
        if p.kind == p.VAR_KEYWORD:
            var_kw = True
            continue
        if p.name == "context":
            kwargs["context"] = ctx
            continue
        for src in sources:
            if p.name in src:
                kwargs[p.name] = src[p.name]
                break
        else:
            if p.default is p.empty:
                raise TypeError("main() needs argument '" + p.name + "': give it under the tool's input or args")
    if var_kw:
        for k, v in bindings.items():
            kwargs.setdefault(k, v)
    value = main(**kwargs)
    if inspect.iscoroutine(value):
        import asyncio
        value = asyncio.run(value)
    return value


_STEP_BODY = "__noetl_step_body__"
_STEP_RETURN = "__noetl_step_return__"


def _compile(code, name):
    """The code compiled as a module. Code that returns at its top level (`return {...}` after a few statements, as
    many step bodies are written) runs as the body of a function instead, whose return value is the result; its
    `result = ...` assignments still reach the module, and line numbers stay those of the code."""
    try:
        return compile(code, name, "exec"), False
    except SyntaxError as e:
        if e.msg != "'return' outside function":
            raise
    tree = ast.parse(code, name)
    wrapper = ast.parse("def " + _STEP_BODY + "():\n    global result\n" + _STEP_RETURN + " = " + _STEP_BODY + "()\n")
    for node in ast.walk(wrapper):
        node.lineno, node.end_lineno = 1, 1
    wrapper.body[0].body.extend(tree.body)
    return compile(ast.fix_missing_locations(wrapper), name, "exec"), True


def _main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f, object_hook=_Obj)
    out_path = sys.argv[2]
    ctx = spec.get("context") or {}
    g = {"__name__": "__main__", "__builtins__": __builtins__, "context": ctx, "json": json, "os": os,
         "datetime": datetime, "uuid": uuid}
    for name in ("workload", "vars", "args", "iter", "keychain"):
        g[name] = _Obj()
    g["execution_id"] = None
    g["_prev"] = None
    for k, v in ctx.items():
        if isinstance(k, str) and k.isidentifier():
            g[k] = v
    bindings = {k: _coerce(v) for k, v in (spec.get("bindings") or {}).items()}
    for k, v in bindings.items():
        if isinstance(k, str) and k.isidentifier():
            g[k] = v
    if "input_data" not in bindings:
        g["input_data"] = _Obj(bindings)
    if "result" not in bindings:
        g["result"] = None  # an input named result is the code's to read (and usually to replace)
    name = "<step " + str(spec.get("step")) + ">"
    wrapped = False
    try:
        imports = _imports(spec.get("libs"))
        for line in imports:
            try:
                exec(compile(line, "<libs>", "exec"), g)
            except ImportError as e:
                raise ImportError("libs: `" + line + "` failed: " + str(e)) from e
        body, wrapped = _compile(spec["code"], name)
        exec(body, g)
        if wrapped and g.get(_STEP_RETURN) is not None:
            g["result"] = g[_STEP_RETURN]
        elif callable(g.get("main")) and getattr(g["main"], "__code__", None) is not None \
                and g["main"].__code__.co_filename == name:
            g["result"] = _call_main(g["main"], bindings, ctx)
    except SystemExit as e:
        if e.code not in (None, 0):
            _write(out_path, json.dumps({"ok": False, "type": "SystemExit",
                                         "message": "SystemExit: " + str(e.code), "stack": ""}))
            return 1
    except BaseException as e:
        tb = e.__traceback__.tb_next
        if wrapped and tb is not None and tb.tb_frame.f_code.co_name == "<module>" and tb.tb_next is not None:
            tb = tb.tb_next  # the call of the function the code was wrapped in
        stack = "".join(traceback.format_exception(type(e), e, tb))
        _write(out_path, json.dumps({"ok": False, "type": type(e).__name__, "message": _describe(e), "stack": stack}))
        return 1
    sys.stdout.flush()
    _write(out_path, _dump(g.get("result")))
    return 0


sys.exit(_main())
