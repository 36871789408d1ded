/*
 * err.h - the one error type every layer below the ODBC API returns.
 *
 * A failure is recorded where it happens, with its condition (an entry of
 * the SQLSTATE catalogue in odbc/diag.c), the HTTP status or other native
 * code, and a message. Callers pass it up unchanged; the ODBC layer turns
 * it into a diagnostic record.
 */
#ifndef BB_ERR_H
#define BB_ERR_H

#include "util/setup.h"

/* Conditions; odbc/diag.c maps each to its ODBC 3 and ODBC 2 SQLSTATE. */
typedef enum bb_cond {
	BB_OK = 0,
	BB_E_GENERAL,        /* HY000 */
	BB_E_NOMEM,          /* HY001 */
	BB_E_CONNECT,        /* 08001 can't reach the service at connect */
	BB_E_COMM,           /* 08S01 link failed after connect */
	BB_E_AUTH,           /* 28000 credentials refused */
	BB_E_NO_TABLE,       /* 42S02 workspace/repository/table not found */
	BB_E_NO_COLUMN,      /* 42S22 */
	BB_E_SYNTAX,         /* 42000 syntax error or access violation */
	BB_E_PERMISSION,     /* 42000 the API refused access (403) */
	BB_E_TIMEOUT,        /* HYT00 */
	BB_E_CONN_TIMEOUT,   /* HYT01 */
	BB_E_RATE_LIMIT,     /* HY000 still limited after retries */
	BB_E_API,            /* HY000 other API refusal */
	BB_E_BAD_RESPONSE,   /* HY000 the API sent something unreadable */
	BB_E_BAD_ATTR,       /* HY024 invalid attribute value */
	BB_E_CONN_STRING,    /* HY000 bad connection string */
	BB_E_NO_DSN,         /* IM002 */
	BB_E_CANCELLED,      /* HY008 */
	BB_W_TRUNCATED,      /* 01004 string data, right truncated */
	BB_W_FRACTION,       /* 01S07 fractional truncation */
	BB_W_OPTION_CHANGED, /* 01S02 option value changed */
	BB_W_GENERAL,        /* 01000 general warning */
	BB_W_CONN_ATTR,      /* 01S00 invalid connection string attribute */
	BB_E_RANGE,          /* 22003 numeric value out of range */
	BB_E_CHAR_VALUE,     /* 22018 invalid character value for cast */
	BB_E_DATETIME,       /* 22007 invalid datetime format */
	BB_E_DATETIME_RANGE, /* 22008 datetime field overflow */
	BB_E_RESTRICTED,     /* 07006 restricted data type attribute */
	BB_E_NULL_NO_IND,    /* 22002 indicator variable required */
	BB_E_BAD_CTYPE,      /* HY003 invalid application buffer type */
	BB_E_BAD_LENGTH,     /* HY090 invalid string or buffer length */
	BB_E_SEQUENCE,       /* HY010 function sequence error */
	BB_E_BAD_COLUMN,     /* 07009 invalid descriptor index */
	BB_E_NO_CURSOR,      /* 24000 invalid cursor state */
	BB_E_NOT_IMPL,       /* HYC00 optional feature not implemented */
	BB_E_BAD_INFO,       /* HY096 information type out of range */
	BB_E_BAD_ATTR_ID,    /* HY092 invalid attribute/option identifier */
	BB_E_CONN_DONE,      /* 08002 connection name in use */
	BB_E_NOT_CONNECTED,  /* 08003 connection not open */
	BB_E_TXN_STATE,      /* 25000 invalid transaction state */
	BB_E_CONSTRAINT,     /* 23000 integrity constraint violation */
	BB_E_PARAM_COUNT,    /* 07002 COUNT field incorrect */
	BB_E_CURSOR_NAME,    /* 34000 invalid cursor name */
	BB_E_NOT_CURSOR,     /* 07005 the statement makes no result set */
	BB_E_BAD_PARAM_NUM,  /* 07009 invalid parameter number (S1093) */
	BB_E_ATTR_NOW,       /* HY011 attribute cannot be set now */
	BB_E_BAD_SQL_TYPE,   /* HY004 invalid SQL data type */
	BB_E_TXN_OP,         /* HY012 invalid transaction operation code */
	BB_E_FETCH_TYPE,     /* HY106 fetch type out of range */
	BB_E_ROW_RANGE,      /* HY107 row value out of range */
	BB_E_CURSOR_POS,     /* HY109 invalid cursor position */
	BB_W_ROWSET_START,   /* 01S06 fetch before the first rowset */
	BB_E_TRUNCATED,      /* 22001 string data, right truncated */
	BB_E_NULL_PTR,       /* HY009 invalid use of null pointer */
	BB_E_PIECES,         /* HY019 non-character data sent in pieces */
	BB_E_BAD_SQLTYPE,    /* HY004 invalid SQL data type */
	/* Descriptors (odbc/desc.c). */
	BB_E_NOT_PREPARED,   /* HY007 associated statement is not prepared */
	BB_E_IRD_READONLY,   /* HY016 cannot modify an IRD */
	BB_E_IMPLICIT_DESC,  /* HY017 use of an implicit descriptor */
	BB_E_DESC_MISMATCH,  /* HY021 inconsistent descriptor information */
	BB_E_BAD_DESC_FIELD, /* HY091 invalid descriptor field identifier */
	BB_E_TABLE_EXISTS,   /* 42S01 base table or view already exists */
	BB_E_COND_COUNT
} bb_cond;

typedef struct bb_err {
	bb_cond cond;
	long native;   /* HTTP status, curl code or SQLite code; 0 if none */
	char msg[512]; /* text for the user; never holds a secret */
} bb_err;

void bb_err_clear(bb_err *e);
/* Records a failure; returns false so callers can `return bb_err_set(..)` */
bool bb_err_set(bb_err *e, bb_cond cond, long native, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
