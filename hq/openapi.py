"""The published OpenAPI schema (/openapi.json). The push endpoint reads its body
itself (for the size limit, gzip and fast validation), so its request schema is
added to the components here by hand."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from desktop.sync.wire import PushRequest

REF_TEMPLATE = "#/components/schemas/{model}"


def publish_push_schema(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        _, definitions = models_json_schema([(PushRequest, "validation")],
                                            ref_template=REF_TEMPLATE)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model_schema in definitions.get("$defs", {}).items():
            components.setdefault(name, model_schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
