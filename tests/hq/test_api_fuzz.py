"""Property-based fuzzing of the live HQ from its own OpenAPI schema (schemathesis):
whatever a client sends, HQ answers with a documented status and body, never a 5xx.

The operations are driven through hypothesis directly (schemathesis' pytest plugin
does not run under the pytest this project uses)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Ok

from tests.hq.conftest import EnrolledDevice, LiveHq

EXAMPLES_PER_OPERATION = 30


@pytest.fixture
def fuzzing_device(live_hq: LiveHq) -> EnrolledDevice:
    device = live_hq.enroll()
    device.push(device.chain.events(3))
    return device


def _valid_and_invalid_cases(operation: schemathesis.APIOperation) -> st.SearchStrategy:
    valid = operation.as_strategy(GenerationMode.POSITIVE)
    if not list(operation.iter_parameters()) and not operation.get_request_payload_content_types():
        return valid  # nothing to get wrong
    return st.one_of(valid, operation.as_strategy(GenerationMode.NEGATIVE))


def test_no_request_makes_hq_fail(live_hq: LiveHq, fuzzing_device: EnrolledDevice) -> None:
    schema = schemathesis.openapi.from_url(f"{live_hq.base_url}/openapi.json")
    headers = {"Authorization": f"Bearer {fuzzing_device.info.token}"}
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operations.append(result.ok())
    assert len(operations) >= 6

    for operation in operations:
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=_valid_and_invalid_cases(operation))
        def answers_as_documented(case: schemathesis.Case) -> None:
            case.call_and_validate(
                base_url=live_hq.base_url, headers=headers,
                checks=[not_a_server_error, status_code_conformance,
                        content_type_conformance, response_schema_conformance],
            )

        answers_as_documented()
