"""Domain widgets shared by the features: labels of coded values, the worker picker, and
the navigation registry through which a widget opens what a feature above it provides."""
