"""`accords serve`: a web app and a JSON API over one store, read-only unless a token is set."""
