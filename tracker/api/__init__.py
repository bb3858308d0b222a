"""The JSON API, /api/v1/ (docs/api.md): the features' services behind bearer tokens."""
