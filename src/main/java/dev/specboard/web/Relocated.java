package dev.specboard.web;

/** A refusal of something that is now elsewhere: a read (GET, HEAD) is answered with a redirect there instead (301). */
public interface Relocated {

    /** The request's path where the thing is now. */
    String relocated(String path);
}
