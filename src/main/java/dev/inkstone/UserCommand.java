package dev.inkstone;

import dev.inkstone.auth.Role;
import dev.inkstone.auth.User;
import dev.inkstone.auth.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code inkstone user add|remove|list}: manages the users file; a running service sees changes at once. */
@Command(name = "user", description = "Manage users and their tokens.",
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
final class UserCommand {

    @Command(name = "add", description = "Add (or replace) a user and print its new token alone on stdout.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", description = "user name")
        String name;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--role", defaultValue = "editor", description = "reader, editor or admin")
        String role;

        @Option(names = "--data", defaultValue = "${env:INKSTONE_DATA:-./data}")
        Path data;

        @Override
        public Integer call() {
            System.out.println(new UserStore(data).add(name, email, Role.of(role)));
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a user; its token stops working at once.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0")
        String name;

        @Option(names = "--data", defaultValue = "${env:INKSTONE_DATA:-./data}")
        Path data;

        @Override
        public Integer call() {
            if (!new UserStore(data).remove(name)) {
                System.err.println("no user named " + name);
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List users (never their tokens).")
    static final class ListUsers implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "${env:INKSTONE_DATA:-./data}")
        Path data;

        @Override
        public Integer call() {
            for (User user : new UserStore(data).list()) {
                System.out.println(user.name() + "\t" + user.email() + "\t" + user.role());
            }
            return 0;
        }
    }
}
