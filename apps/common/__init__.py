"""Helpers every app may use; this package imports no app (it sits below all of them)."""
