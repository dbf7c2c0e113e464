package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Python app starts when neither the project nor a Procfile says: Django behind gunicorn, FastAPI behind
 * uvicorn, Flask behind gunicorn, else {@code python app.py|main.py|server.py|wsgi.py}. A framework whose production
 * server is not a dependency fails the build with the fix rather than starting a development server.
 */
record PythonStart(List<String> command, String explanation) {

    static final List<String> ENTRY_FILES = List.of("app.py", "main.py", "server.py", "wsgi.py");
    private static final List<String> APP_MODULES = List.of("app.py", "main.py", "server.py", "wsgi.py", "asgi.py",
            "application.py", "api.py", "app/__init__.py", "app/main.py", "src/main.py");
    private static final Pattern DJANGO_SETTINGS = Pattern.compile(
            "DJANGO_SETTINGS_MODULE[\"']\\s*,\\s*[\"']([A-Za-z_][\\w]*)\\.settings");

    static Optional<String> entryFile(SourceTree tree) {
        return ENTRY_FILES.stream().filter(tree::isFile).findFirst();
    }

    static PythonStart detect(SourceTree tree, PythonDependencies dependencies) {
        if (tree.isFile("manage.py")) {
            return django(tree, dependencies);
        }
        if (dependencies.has("fastapi")) {
            Optional<PythonStart> fastApi = application(tree, "FastAPI", false).map(app -> server(dependencies,
                    "uvicorn", "FastAPI", app, "exec uvicorn " + app + " --host 0.0.0.0 --port $PORT"));
            if (fastApi.isPresent()) {
                return fastApi.get();
            }
        }
        if (dependencies.has("flask")) {
            Optional<PythonStart> flask = application(tree, "Flask", true).map(app -> server(dependencies,
                    "gunicorn", "Flask", app, "exec gunicorn " + shellWord(app) + " --bind 0.0.0.0:$PORT"));
            if (flask.isPresent()) {
                return flask.get();
            }
        }
        return entryFile(tree).map(entry -> new PythonStart(List.of("python", entry), "starting with python " + entry))
                .orElseThrow(() -> new BuildFailure("cannot tell how to start this Python app: add a Procfile with a"
                        + " web: line, set the project's start command, or add one of " + String.join(", ",
                        ENTRY_FILES)));
    }

    private static PythonStart django(SourceTree tree, PythonDependencies dependencies) {
        Matcher settings = DJANGO_SETTINGS.matcher(tree.read("manage.py").orElse(""));
        Optional<String> project = settings.find() && tree.isFile(settings.group(1) + "/wsgi.py")
                ? Optional.of(settings.group(1))
                : tree.list("").stream().filter(name -> tree.isFile(name + "/wsgi.py")
                        && (tree.isFile(name + "/settings.py") || tree.isDirectory(name + "/settings"))).findFirst();
        if (project.isEmpty()) {
            throw new BuildFailure("Django app (manage.py) without a <project>/wsgi.py next to its settings: cannot"
                    + " tell which WSGI application to serve; set the project's start command or a Procfile web: line");
        }
        return server(dependencies, "gunicorn", "Django", project.get() + ".wsgi",
                "exec gunicorn " + project.get() + ".wsgi --bind 0.0.0.0:$PORT");
    }

    private static PythonStart server(PythonDependencies dependencies, String server, String framework, String app,
            String command) {
        if (!dependencies.has(server)) {
            throw new BuildFailure(framework + " app " + app + " found, but " + server + " is not a dependency: add "
                    + server + " to requirements.txt (or pyproject.toml) to serve it in production, or set the"
                    + " project's start command or a Procfile web: line");
        }
        return new PythonStart(StartCommands.shell(command), framework + " app " + app + ", starting with " + server);
    }

    /** A factory call ({@code app:create_app()}) is quoted for the shell. */
    private static String shellWord(String app) {
        return app.contains("(") ? "'" + app + "'" : app;
    }

    /** {@code module:variable} of the first module that creates the framework's application object. */
    private static Optional<String> application(SourceTree tree, String constructor, boolean factories) {
        Pattern assignment = Pattern.compile("(?m)^([A-Za-z_]\\w*)\\s*=\\s*(?:\\w+\\.)?" + constructor + "\\(");
        Pattern factory = Pattern.compile("(?m)^def\\s+(create_app|make_app)\\s*\\(");
        for (String file : APP_MODULES) {
            Optional<String> source = tree.read(file);
            if (source.isEmpty()) {
                continue;
            }
            String module = file.replaceFirst("(/__init__)?\\.py$", "").replace('/', '.');
            Matcher variable = assignment.matcher(source.get());
            if (variable.find()) {
                return Optional.of(module + ":" + variable.group(1));
            }
            Matcher function = factory.matcher(source.get());
            if (factories && function.find() && source.get().contains(constructor + "(")) {
                return Optional.of(module + ":" + function.group(1) + "()");
            }
        }
        return Optional.empty();
    }
}
