"""What runs the pipeline over many reports and shows its output: batches of files
(``batch``), Dask clusters (``scaleout``), the command line (``cli``) and the HTML page
a person checks facts on (``render``)."""
