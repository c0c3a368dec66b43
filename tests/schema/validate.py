#!/usr/bin/env python3
"""The JSON Schema agrees with chronicle: every sample is valid, and schema-level
mistakes from the error corpus are rejected. Uses Debian's python3-jsonschema."""
import glob
import json
import os
import sys

import jsonschema

root = sys.argv[1]
with open(os.path.join(root, "src/input/chronicle.schema.json")) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0
checks = 0
extra = sys.argv[2:]  # e.g. the output of `chronicle normalize`
for path in sorted(glob.glob(os.path.join(root, "samples/*.json"))) + sorted(glob.glob(os.path.join(root, "tests/merge/*.json"))) + extra:
    with open(path) as f:
        errors = list(validator.iter_errors(json.load(f)))
    for e in errors:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    failures += bool(errors)
    checks += 1
    print(f"{path}: {'valid' if not errors else 'INVALID'}")
for name in ["not-object", "wrong-type", "invalid-date-format"]:
    doc = {"not-object": ["a"], "wrong-type": {"events": [{"title": ["a"], "date": "2015"}]},
           "invalid-date-format": {"events": [{"title": "a", "date": True}]}}[name]
    checks += 1
    if validator.is_valid(doc):
        print(f"schema accepts the invalid case {name}")
        failures += 1
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
