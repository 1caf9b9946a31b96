"""resources/schema/document.schema.json describes exactly what serialize.py writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from desktop.model.kinds import DocumentKind
from desktop.model.serialize import DocumentFormatError, document_from_json, document_to_json
from resources import read_text
from tests.helpers.stores import report
from tests.unit.model.test_serialize import documents

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(read_text("schema", "document.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_realistic_report_and_the_shipped_sample_validate(validator):
    validator.validate(document_to_json(report()))
    sample = json.loads(read_text("samples", "bao-cao-mau.json"))
    validator.validate(sample)
    for kind in DocumentKind:
        validator.validate(document_to_json(report().with_changes(kind=kind)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_every_generated_dump_validates(document):
    # The fixture cannot be used with @given: build the validator once per module instead.
    _validator().validate(json.loads(json.dumps(document_to_json(document))))


_cached: list[object] = []


def _validator():
    if not _cached:
        schema = json.loads(read_text("schema", "document.schema.json"))
        _cached.append(jsonschema.Draft202012Validator(schema))
    return _cached[0]


def _base():
    return document_to_json(report())


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra="x"),
        lambda d: d.update(number=0),
        lambda d: d.update(kind="cv"),
        lambda d: d.update(date="5/3/2026"),
        lambda d: d["signer"]["lines"][0].update(prefix="PT."),
        lambda d: d["body"][0].update(type="para"),
        lambda d: d["body"][2]["content"][0].update(colour="red"),
        lambda d: d.update(version=2),
    ],
)
def test_schema_and_reader_both_refuse_invalid_documents(validator, mutate):
    data = _base()
    mutate(data)
    assert not validator.is_valid(data)
    with pytest.raises(DocumentFormatError):
        document_from_json(data)
