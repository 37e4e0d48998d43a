package dev.saker.rules;

import java.util.ArrayList;
import java.util.List;

/** A list as collected: its raw items, and its index/visibility in the shared load counter. */
final class ListInfo {
    final String name;
    final LoadContext ctx;
    final List<String> items = new ArrayList<>();
    int index;
    int visibility;

    ListInfo(String name, LoadContext ctx) {
        this.name = name;
        this.ctx = ctx;
    }
}
