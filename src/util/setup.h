/*
 * setup.h - the first include of every .c file in the driver.
 *
 * Holds the platform differences in one place: the ODBC headers with the
 * right Windows/unixODBC preamble, and the few portable helpers every layer
 * uses. Nothing here is installed.
 */
#ifndef BB_SETUP_H
#define BB_SETUP_H

#ifdef _WIN32
#include <windows.h>
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#define BB_DRIVER_NAME "bbodbc"
#define BB_DRIVER_VERSION "00.01.0000"
#define BB_VENDOR_TAG "[bbodbc]"

#define BB_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
