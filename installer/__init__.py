"""Builds the installers (`python -m installer deb|windows`); see installer/README.md."""
