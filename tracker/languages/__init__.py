"""The interface language: the switch in the top bar and on the login page, and the profile."""
