"""The bundled demo site and the local server that serves it (and the tests' sites)."""
