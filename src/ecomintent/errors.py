"""Errors a user can cause. The CLI prints them as one line and exits non-zero; no stack trace."""


class UserError(Exception):
    """A mistake in the input or settings that the user can fix; the message names the fix."""
