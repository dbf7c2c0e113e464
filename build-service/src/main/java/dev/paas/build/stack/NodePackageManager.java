package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The package manager of a Node repository and its commands. {@code packageManager} in package.json names it
 * ({@code pnpm@9.1.0}); else the lockfile does ({@code pnpm-lock.yaml}, {@code yarn.lock},
 * {@code package-lock.json} / {@code npm-shrinkwrap.json}). With a lockfile the install is frozen. A
 * {@code packageManager} whose lockfile is missing while another manager's is present fails the build: the
 * install would silently resolve different versions.
 *
 * @param name {@code npm}, {@code yarn} or {@code pnpm}
 * @param berry yarn 2 or newer (a {@code __metadata} lockfile, or {@code packageManager: yarn@2+})
 * @param major the major version wanted, when known
 * @param lockfile the lockfile used, when there is one
 * @param source what named the manager, for the log
 * @param yarnRelease yarn berry's release is committed and named by {@code yarnPath} (yarn 1 hands over to it)
 */
record NodePackageManager(String name, boolean berry, Optional<String> major, Optional<String> lockfile,
        String source, boolean yarnRelease) {

    private static final Pattern PACKAGE_MANAGER = Pattern.compile("(npm|yarn|pnpm)@(\\d+)[^\\s]*");
    private static final Pattern PNPM_LOCK_VERSION = Pattern.compile("(?m)^lockfileVersion:\\s*'?(\\d+)");
    private static final List<String> NPM_LOCKS = List.of("package-lock.json", "npm-shrinkwrap.json");

    static NodePackageManager detect(SourceTree tree, JsonNode manifest) {
        Optional<String> pnpmLock = tree.isFile("pnpm-lock.yaml") ? Optional.of("pnpm-lock.yaml") : Optional.empty();
        Optional<String> yarnLock = tree.isFile("yarn.lock") ? Optional.of("yarn.lock") : Optional.empty();
        Optional<String> npmLock = NPM_LOCKS.stream().filter(tree::isFile).findFirst();
        boolean berryLock = yarnLock.isPresent()
                && tree.read("yarn.lock").map(lock -> lock.contains("__metadata:")).orElse(false);
        String declared = manifest.path("packageManager").asString("").strip();
        if (!declared.isEmpty()) {
            Matcher matcher = PACKAGE_MANAGER.matcher(declared);
            if (!matcher.matches()) {
                throw new BuildFailure("package.json's packageManager \"" + declared + "\" is not"
                        + " npm@<version>, yarn@<version> or pnpm@<version>");
            }
            String name = matcher.group(1);
            String major = matcher.group(2);
            Optional<String> own = switch (name) {
                case "pnpm" -> pnpmLock;
                case "yarn" -> yarnLock;
                default -> npmLock;
            };
            List<String> others = new ArrayList<>();
            pnpmLock.filter(lock -> !name.equals("pnpm")).ifPresent(others::add);
            yarnLock.filter(lock -> !name.equals("yarn")).ifPresent(others::add);
            npmLock.filter(lock -> !name.equals("npm")).ifPresent(others::add);
            if (own.isEmpty() && !others.isEmpty()) {
                throw new BuildFailure("package.json's packageManager names " + name + " (\"" + declared
                        + "\") but the repository has only " + String.join(" and ", others)
                        + ": commit " + name + "'s lockfile or change packageManager");
            }
            boolean berry = name.equals("yarn") && (Integer.parseInt(major) >= 2 || berryLock);
            return new NodePackageManager(name, berry, Optional.of(major), own, "packageManager \"" + declared + "\"",
                    berry && yarnRelease(tree));
        }
        if (pnpmLock.isPresent()) {
            String major = tree.read("pnpm-lock.yaml").map(PNPM_LOCK_VERSION::matcher).filter(Matcher::find)
                    .map(matcher -> switch (matcher.group(1)) {
                        case "5" -> "7";
                        case "6" -> "8";
                        default -> "9";
                    }).orElse("9");
            return new NodePackageManager("pnpm", false, Optional.of(major), pnpmLock, "pnpm-lock.yaml",
                    false);
        }
        if (yarnLock.isPresent()) {
            return new NodePackageManager("yarn", berryLock, berryLock ? Optional.empty() : Optional.of("1"), yarnLock,
                    "yarn.lock", berryLock && yarnRelease(tree));
        }
        return new NodePackageManager("npm", false, Optional.empty(), npmLock, npmLock.orElse("no lockfile"),
                false);
    }

    /** Other lockfiles present besides the one used (noted in the log). */
    static List<String> ignoredLockfiles(SourceTree tree, NodePackageManager chosen) {
        return java.util.stream.Stream.of("pnpm-lock.yaml", "yarn.lock", "package-lock.json", "npm-shrinkwrap.json")
                .filter(tree::isFile)
                .filter(lock -> chosen.lockfile().map(used -> !used.equals(lock)).orElse(true))
                .toList();
    }

    /** The frozen install (or a plain one without lockfile). */
    String install() {
        boolean locked = lockfile.isPresent();
        return switch (name) {
            case "pnpm" -> locked ? "pnpm install --frozen-lockfile" : "pnpm install --no-frozen-lockfile";
            case "yarn" -> berry ? (locked ? "yarn install --immutable" : "yarn install")
                    : (locked ? "yarn install --frozen-lockfile --non-interactive" : "yarn install --non-interactive");
            default -> locked ? "npm ci --no-audit --no-fund" : "npm install --no-audit --no-fund";
        };
    }

    /** Makes sure the build image has the manager (npm comes with node); a shell command line, or empty. */
    Optional<String> setup() {
        if (name.equals("npm")) {
            return Optional.empty();
        }
        if (berry) {
            if (yarnRelease) {
                return Optional.of("command -v yarn >/dev/null 2>&1 || npm install -g --no-audit --no-fund yarn@1");
            }
            return Optional.of("if command -v corepack >/dev/null 2>&1; then corepack enable;"
                    + " else echo 'yarn " + major.orElse("2+") + " (yarn.lock of yarn berry) needs corepack, which"
                    + " the build image lacks: commit .yarn/releases with yarnPath in .yarnrc.yml, or set an"
                    + " install command' >&2; exit 1; fi");
        }
        String wanted = major.orElse(name.equals("pnpm") ? "9" : "1");
        return Optional.of("if ! " + name + " --version 2>/dev/null | grep -q '^" + wanted + "\\.'; then npm install -g"
                + " --no-audit --no-fund " + name + "@" + wanted + "; fi");
    }

    /** Runs a package.json script. */
    String run(String script) {
        return name + " run " + script;
    }

    /** Removes devDependencies after the build, or empty when the manager has no such command. */
    Optional<String> prune() {
        return switch (name) {
            case "pnpm" -> Optional.of("pnpm prune --prod");
            case "yarn" -> berry ? Optional.empty()
                    : Optional.of((lockfile.isPresent() ? "yarn install --frozen-lockfile" : "yarn install")
                            + " --production=true --ignore-scripts --prefer-offline --non-interactive");
            default -> Optional.of("npm prune --omit=dev --no-audit --no-fund");
        };
    }

    private static boolean yarnRelease(SourceTree tree) {
        return tree.read(".yarnrc.yml")
                .map(rc -> rc.lines().anyMatch(line -> line.strip().startsWith("yarnPath:"))).orElse(false);
    }
}
