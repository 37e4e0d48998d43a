package dev.saker.fields;

/**
 * Linux errno names as libsinsp prints them for a failed call's return value (evt.res): the
 * numbers 1-125 and the kernel-internal restart codes from 512; others print as the number.
 */
public final class Errnos {
    private static final String[] LOW = ("EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM "
            + "EACCES EFAULT ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG "
            + "ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP - ENOMSG "
            + "EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT - "
            + "EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT "
            + "EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE "
            + "EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP "
            + "EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET "
            + "ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY "
            + "EINPROGRESS ESTALE EUCLEAN ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED").split(" ");
    private static final String[] HIGH = ("ERESTARTSYS ERESTARTNOINTR ERESTARTNOHAND ENOIOCTLCMD ERESTART_RESTARTBLOCK - - - - "
            + "EBADHANDLE ENOTSYNC EBADCOOKIE ENOTSUPP ETOOSMALL ESERVERFAULT EBADTYPE EJUKEBOX EIOCBQUEUED EIOCBRETRY").split(" ");

    private Errnos() {
    }

    /** The name of a positive errno, or null when libsinsp has none for it. */
    public static String name(long errno) {
        String n = null;
        if (errno >= 1 && errno <= LOW.length) {
            n = LOW[(int) errno - 1];
        } else if (errno >= 512 && errno < 512 + HIGH.length) {
            n = HIGH[(int) errno - 512];
        }
        return "-".equals(n) ? null : n;
    }

    /** A failed call's return value as evt.res shows it: the errno name, else the number. */
    public static String describe(long res) {
        String n = name(-res);
        return n != null ? n : Long.toString(res);
    }
}
