package dev.specboard.assist;

import jakarta.ws.rs.FormParam;

/** A rename asked for on a file page: the symbol, its new name, the scope (a folder or file; empty for the whole repository). */
public record RenameForm(@FormParam("symbol") String symbol, @FormParam("newName") String newName, @FormParam("path") String path,
                         @FormParam("includeStringsAndComments") String includeStringsAndComments) {

    public boolean include() {
        return includeStringsAndComments != null && (includeStringsAndComments.equalsIgnoreCase("on")
                || includeStringsAndComments.equalsIgnoreCase("true"));
    }

    public static RenameForm empty() {
        return new RenameForm("", "", "", null);
    }
}
