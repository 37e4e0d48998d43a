package dev.saker.rules;

/** One step of a problem's context: the item (type and name) and where it is. */
public record Location(ItemType itemType, String itemName, Position position) {
}
