package dev.inkstone.git;

import dev.inkstone.content.CommitRef;
import dev.inkstone.content.Person;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Converts JGit commits and identities into the domain's records. */
final class Commits {

    private Commits() {
    }

    /** The commit as {@code git log} shows it: author identity and author date. */
    static CommitRef ref(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new CommitRef(commit.name(), date(author), person(author));
    }

    static Person person(PersonIdent ident) {
        return new Person(ident.getName(), ident.getEmailAddress());
    }

    /** RFC 3339 with the identity's own offset, as Git recorded it. */
    static String date(PersonIdent ident) {
        return OffsetDateTime.ofInstant(ident.getWhenAsInstant(), ident.getZoneOffset())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
