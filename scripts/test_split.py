"""Split the module's test classes into N shares of about the same running time, for make test.

Prints one line per share: the --test-tags of its classes (``/intl_cooperation:ClassName,...``).
Every test class of every test module imported by tests/__init__.py is in exactly one share, so the
shares together run the whole suite; a class is kept with the other classes of its file.

The weights are the seconds each file took in a whole run on a quiet machine (the heavy ones,
measured); any other file counts 1.4 s per test (the average of the files not measured).
"""
import ast
import re
import sys
from pathlib import Path

MODULE = "intl_cooperation"
# seconds per test file in a whole run (make test, quiet machine, December 2026)
MEASURED = {
    "test_language_prints": 141, "test_substance_locks": 89, "test_language_tour": 73,
    "test_demo_scenario_dates": 70, "test_agreement": 39, "test_portal_mail": 33, "test_intl_budget": 32,
    "test_mobility_cycle": 31, "test_portal_partner": 30, "test_scholar_tour": 29, "test_agreement_draft": 28,
    "test_portal_scholar": 28, "test_approval_click_queries": 27, "test_scholar_reports": 27,
    "test_ux_receipts": 27, "test_intl_trip_time_off": 26, "test_learner_import": 26, "test_ux_money": 26,
    "test_ux_tours": 26, "test_cron_queries": 25, "test_opportunity": 25,
}
PER_TEST = 1.4


def test_files(tests_dir):
    """The test modules tests/__init__.py imports, in its order."""
    init = (tests_dir / "__init__.py").read_text(encoding="utf-8")
    return re.findall(r"^from \. import (test_\w+)", init, flags=re.M)


def tagged_classes(path):
    """(class names, number of tests) of the tagged test classes of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names, count = [], 0
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        if not any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "tagged" for d in node.decorator_list):
            continue
        names.append(node.name)
        count += sum(1 for item in node.body
                     if isinstance(item, ast.FunctionDef) and item.name.startswith("test_"))
    return names, count


def main():
    shares = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    tests_dir = Path(__file__).resolve().parent.parent / "tests"
    files = []
    seen = {}
    for name in test_files(tests_dir):
        classes, count = tagged_classes(tests_dir / f"{name}.py")
        for cls in classes:
            if cls in seen:
                # a tag names a class: two classes of one name would run in both shares
                sys.exit(f"test class {cls} is defined in {seen[cls]} and {name}: rename one")
            seen[cls] = name
        if classes:
            files.append((MEASURED.get(name, PER_TEST * max(count, 1)), name, classes))
    # longest first, each to the lightest share
    loads = [[0.0, []] for _ in range(shares)]
    for weight, _name, classes in sorted(files, reverse=True):
        lightest = min(loads, key=lambda share: share[0])
        lightest[0] += weight
        lightest[1].extend(classes)
    for _weight, classes in loads:
        print(",".join(f"/{MODULE}:{cls}" for cls in classes))


if __name__ == "__main__":
    main()
