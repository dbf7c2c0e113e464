#!/bin/sh
# A batch job that lives in the same repository but is not a web app.
echo "worker ran at $(date)"
