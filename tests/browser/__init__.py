"""Browser tests (Playwright + Debian chromium); a package so its conftest has a name of its own."""
