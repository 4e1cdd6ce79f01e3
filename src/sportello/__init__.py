"""Sportello: counter application for Centri per l'Impiego and the Sportello Unico."""

__version__ = "0.1.0"
