"""Build and test tooling for the course site: model provision, recorded outputs, lesson data."""

from coursetools import kernels

# Before anything imports torch: every run of the course's tools uses the recordings' kernels.
kernels.pin()
