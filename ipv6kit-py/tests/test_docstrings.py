"""Every ``>>>`` example in the docstrings (what ``help()`` shows) runs and is right."""

from __future__ import annotations

import doctest
import types

import pytest

import ipv6kit
from ipv6kit import ndp, oui, plan, registry, scoped, sixrd, stable, temporary

MODULES: list[types.ModuleType] = [ipv6kit, ndp, oui, plan, registry, scoped, sixrd, stable, temporary]


def examples() -> list[doctest.DocTest]:
    parser = doctest.DocTestParser()
    found: dict[int, doctest.DocTest] = {}
    for module in MODULES:
        objects: list[object] = [module] + [getattr(module, n) for n in dir(module)]
        # Methods and properties of the classes too (``help(Report.next_free)``).
        # Static methods too, unwrapped: a staticmethod object's own __doc__ is the builtin's.
        objects += [
            m.__func__ if isinstance(m, staticmethod) else m
            for obj in list(objects)
            if isinstance(obj, type)
            for m in vars(obj).values()
        ]
        for obj in objects:
            if isinstance(obj, (int, float, str, bytes)):
                continue  # constants: their __doc__ is their type's
            doc = getattr(obj, "__doc__", None)
            if isinstance(doc, str) and ">>>" in doc and id(obj) not in found:
                name = f"{module.__name__}.{getattr(obj, '__qualname__', getattr(obj, '__name__', '?'))}"
                found[id(obj)] = parser.get_doctest(doc, {"ipv6kit": ipv6kit}, name, None, 0)
    return list(found.values())


def test_help_of_every_public_function_has_a_docstring() -> None:
    for module in MODULES:
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if isinstance(obj, (type, types.BuiltinFunctionType, types.FunctionType)):
                assert obj.__doc__, f"{module.__name__}.{name} has no docstring"


@pytest.mark.parametrize("test", examples(), ids=lambda t: t.name)
def test_docstring_examples(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {test.name}"


def test_every_attribute_and_method_of_public_classes_has_a_docstring() -> None:
    # help(PrefixInformation.valid_lifetime) must say something too, not only the class.
    missing = []
    for module in MODULES:
        for name in getattr(module, "__all__", []):
            cls = getattr(module, name)
            if not isinstance(cls, type):
                continue
            for attr, member in vars(cls).items():
                if attr.startswith("_"):
                    continue
                if callable(member) or isinstance(member, (property, types.GetSetDescriptorType)) or (
                    type(member).__name__ in ("getset_descriptor", "method_descriptor", "builtin_function_or_method")
                ):
                    if not getattr(member, "__doc__", None):
                        missing.append(f"{module.__name__}.{name}.{attr}")
    assert not missing, f"no docstring: {missing}"
