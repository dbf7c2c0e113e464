<?php
// Sample app for the PaaS: a plain PHP page (no Composer, no framework).
declare(strict_types=1);

header('Content-Type: text/plain; charset=utf-8');
printf("hello from php-app (PHP %s)\n", PHP_VERSION);
