"""RFC 9457 problem details: how every error under /api/ answers (application/problem+json).

The members: type (about:blank for a plain HTTP status, else a link to the kind of problem in
docs/api.md), title (the status's name, or the kind's), status, detail (translated, for people),
and errors ({field: [messages]}) when fields were refused. A kind is a URN
(urn:tracker:problem:invalid-fields), each listed in docs/api.md.
"""

from http import HTTPStatus

from flask import Response, has_request_context, json, request

API_PREFIX = "/api/"
MEDIA_TYPE = "application/problem+json"
KIND = "urn:tracker:problem:"


def is_api_request() -> bool:
    """Whether the request is for the JSON API (which answers problems, not pages)."""
    return has_request_context() and request.path.startswith(API_PREFIX)


def problem(
    status: int,
    detail: str | None = None,
    *,
    kind: str | None = None,
    title: str | None = None,
    errors: dict | None = None,
    headers: dict | None = None,
    **members,
) -> Response:
    """A problem details response; kind names a problem type listed in docs/api.md."""
    body = {
        "type": KIND + kind if kind else "about:blank",
        "title": title or _phrase(status),
        "status": status,
    }
    if detail:
        body["detail"] = str(detail)
    if errors:
        body["errors"] = errors
    body.update(members)
    response = Response(json.dumps(body), status=status, mimetype=MEDIA_TYPE)
    response.headers.update(headers or {})
    return response


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def field_errors(messages) -> dict[str, list[str]]:
    """{field: [messages]} from webargs' {location: {field: messages}} or a form's errors, with
    nested messages flattened (a list field's item 2: "field.2")."""
    flat: dict[str, list[str]] = {}

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, dict | list | tuple):
                    walk(prefix, item)
                else:
                    flat.setdefault(prefix or "_", []).append(str(item))
        else:
            flat.setdefault(prefix or "_", []).append(str(value))

    walk("", messages)
    return flat
