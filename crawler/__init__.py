"""Crawling a site and extracting its articles into the run store."""
