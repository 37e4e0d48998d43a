package dev.saker.format;

/**
 * What the state layer knows about one file descriptor, as the argument renderer needs it.
 *
 * @param typeChar libsinsp's fd type character ('f' file, '4' IPv4 socket, '6' IPv6 socket, 'u' unix, 'p' pipe, ...)
 * @param l4Char   for IP sockets the transport character libsinsp appends ('t', 'u', 'i', 'r'), else 0
 * @param name     the fd name as libsinsp keeps it (path, tuple, ...); sanitised when rendered
 */
public record FdView(char typeChar, char l4Char, String name) {

    public FdView(char typeChar, String name) {
        this(typeChar, (char) 0, name);
    }
}
