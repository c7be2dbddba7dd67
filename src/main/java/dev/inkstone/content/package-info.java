/** The domain: pages, navigation, revisions and the services the HTTP layer calls; free of JGit, Javalin and flexmark. */
package dev.inkstone.content;
