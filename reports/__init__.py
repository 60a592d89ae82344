"""Reports: pandas frames from the run store, written as HTML, CSV, Excel and JSON."""
