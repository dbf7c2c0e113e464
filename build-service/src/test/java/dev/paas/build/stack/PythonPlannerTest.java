package dev.paas.build.stack;

import static dev.paas.build.stack.PlannerFixtures.RUNTIMES;
import static dev.paas.build.stack.PlannerFixtures.render;
import static dev.paas.build.stack.PlannerFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonPlannerTest {

    @TempDir
    Path root;

    private final PythonPlanner planner = new PythonPlanner();

    @Test
    void installsRequirementsIntoAVirtualEnvironmentInALayerKeyedByTheManifest() {
        write(root, "requirements.txt", "flask==3.0.0\ngunicorn>=21  # server\n");
        write(root, "app.py", "from flask import Flask\napp = Flask(__name__)\n");

        BuildPlan plan = plan(BuildOverrides.NONE);
        String dockerfile = render(plan);
        List<String> lines = PlannerFixtures.lines(dockerfile);

        assertThat(plan.stack()).isEqualTo("python");
        assertThat(plan.port()).hasValue(8000);
        assertThat(plan.variables()).containsEntry("INSTALL_COMMAND", "pip install -r requirements.txt")
                .containsEntry("BUILD_IMAGE", "python:3.12-slim");
        assertThat(lines.indexOf("COPY requirements.txt ./")).isPositive()
                .isLessThan(lines.indexOf("RUN pip install -r requirements.txt"));
        assertThat(lines.indexOf("RUN pip install -r requirements.txt")).isLessThan(lines.indexOf("COPY . ."));
        assertThat(dockerfile).contains("COPY --from=build /opt/venv /opt/venv", "USER 10001", "ENV PORT=8000",
                "EXPOSE 8000", "AS build");
        assertThat(plan.explanation()).first().isEqualTo("detected Python 3.12 (requirements.txt)");
        assertThat(plan.explanation()).contains("Flask app app:app, starting with gunicorn");
        assertThat(plan.variables().get("START_COMMAND"))
                .isEqualTo("[\"sh\",\"-c\",\"exec gunicorn app:app --bind 0.0.0.0:$PORT\"]");
        assertThat(plan.ignore()).contains("__pycache__", ".venv");
    }

    @Test
    void installsVendoredWheelsWithoutAnIndex() {
        write(root, "requirements.txt", "hello-lib==1.0\n");
        write(root, "wheels/hello_lib-1.0-py3-none-any.whl", "zip");
        write(root, "main.py", "print('hi')\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("INSTALL_COMMAND"))
                .isEqualTo("pip install --no-index --find-links=wheels -r requirements.txt");
        assertThat(render(plan)).contains("COPY requirements.txt ./\nCOPY wheels/ ./wheels/\n");
        assertThat(plan.explanation().getFirst()).contains("wheels vendored in wheels/");
    }

    @Test
    void installsWithPoetryFromItsLockfile() {
        write(root, "pyproject.toml", """
                [tool.poetry]
                name = "svc"
                [tool.poetry.dependencies]
                python = "^3.11"
                fastapi = "^0.110"
                uvicorn = {extras = ["standard"], version = "^0.29"}
                """);
        write(root, "poetry.lock", "[[package]]\nname = \"fastapi\"\n");
        write(root, "app/main.py", "from fastapi import FastAPI\napi = FastAPI()\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("DEPENDENCY_COPY")).isEqualTo("COPY pyproject.toml poetry.lock ./");
        assertThat(plan.variables().get("INSTALL_COMMAND")).contains("pip install poetry",
                "poetry install --only main --no-root");
        assertThat(plan.variables().get("START_COMMAND"))
                .isEqualTo("[\"sh\",\"-c\",\"exec uvicorn app.main:api --host 0.0.0.0 --port $PORT\"]");
        assertThat(plan.explanation()).contains("pyproject.toml [tool.poetry.dependencies] python \"^3.11\"");
    }

    @Test
    void syncsWithUvFromItsLockfile() {
        write(root, "pyproject.toml", "[project]\nname = \"svc\"\ndependencies = []\n");
        write(root, "uv.lock", "version = 1\n");
        write(root, "main.py", "print('hi')\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("INSTALL_COMMAND")).contains("uv sync --frozen --no-dev --no-install-project");
        assertThat(plan.variables().get("BUILD_COMMAND")).endsWith("uv sync --frozen --no-dev");
        assertThat(plan.variables().get("DEPENDENCY_COPY")).isEqualTo("COPY pyproject.toml uv.lock ./");
    }

    @Test
    void installsAPlainPyprojectsDependenciesFirstAndThePackageWithTheSources() {
        write(root, "pyproject.toml", """
                [build-system]
                requires = ["setuptools"]
                [project]
                name = "svc"
                requires-python = ">=3.11, !=3.11.1"
                dependencies = [
                  "Django>=5",
                  "gunicorn",
                ]
                """);
        write(root, "manage.py", "os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n");
        write(root, "mysite/settings.py", "");
        write(root, "mysite/wsgi.py", "");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("INSTALL_COMMAND")).contains("import tomllib", "pip install -r /tmp/requirements.txt");
        assertThat(plan.variables().get("BUILD_COMMAND")).isEqualTo("pip install --no-deps .");
        assertThat(plan.variables().get("START_COMMAND"))
                .isEqualTo("[\"sh\",\"-c\",\"exec gunicorn mysite.wsgi --bind 0.0.0.0:$PORT\"]");
        assertThat(plan.explanation()).contains("pyproject.toml requires-python \">=3.11\"",
                "Django app mysite.wsgi, starting with gunicorn");
    }

    @Test
    void takesTheVersionFromPythonVersionThenRuntimeTxt() {
        write(root, "app.py", "print('hi')\n");
        write(root, "runtime.txt", "python-3.11.9\n");
        assertThat(plan(BuildOverrides.NONE).variables()).containsEntry("BUILD_IMAGE", "paas/python:3.11");

        write(root, ".python-version", "3.12.2\n");
        BuildPlan plan = plan(BuildOverrides.NONE);
        assertThat(plan.variables()).containsEntry("BUILD_IMAGE", "python:3.12-slim");
        assertThat(plan.explanation()).contains(".python-version \"3.12\"");
    }

    @Test
    void saysSoWhenNoCatalogVersionMeetsTheConstraint() {
        write(root, "app.py", "print('hi')\n");
        write(root, ".python-version", "3.9\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables()).containsEntry("BUILD_IMAGE", "python:3.12-slim");
        assertThat(plan.explanation().get(1)).isEqualTo(".python-version \"3.9\" cannot be met by the catalog (3.12, 3.11);"
                + " using the newest");
    }

    @Test
    void runsAStandardLibraryAppWithoutAnyRequirements() {
        write(root, "server.py", "import http.server\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("START_COMMAND")).isEqualTo("[\"python\",\"server.py\"]");
        assertThat(plan.explanation()).contains("detected Python 3.12 (no requirements, standard library only)",
                "no Python version in .python-version, runtime.txt or pyproject.toml; the newest in the catalog",
                "starting with python server.py");
        assertThat(render(plan)).doesNotContain("COPY requirements.txt");
    }

    @Test
    void theStartOverrideWinsOverTheProcfileWhichWinsOverDetection() {
        write(root, "requirements.txt", "flask\n");
        write(root, "app.py", "app = Flask(__name__)\n");
        write(root, "Procfile", "release: ./migrate\nweb: python app.py --port $PORT\n");

        assertThat(plan(BuildOverrides.NONE).variables().get("START_COMMAND"))
                .isEqualTo("[\"sh\",\"-c\",\"python app.py --port $PORT\"]");
        BuildPlan overridden = plan(PlannerFixtures.start("python -m app"));
        assertThat(overridden.variables().get("START_COMMAND")).isEqualTo("[\"sh\",\"-c\",\"python -m app\"]");
        assertThat(overridden.explanation()).contains("starting with python -m app (the project's start command)");
    }

    @Test
    void installAndBuildOverridesReplaceTheDetectedCommandsAndThePortOverrideThePort() {
        write(root, "requirements.txt", "\n");
        write(root, "app.py", "");

        BuildPlan plan = plan(new BuildOverrides(null, "pip install -e .", "python manage.py collectstatic",
                null, 9000, null));

        assertThat(plan.variables()).containsEntry("INSTALL_COMMAND", "pip install -e .")
                .containsEntry("DEPENDENCY_COPY", "COPY . ./")
                .containsEntry("BUILD_COMMAND", "python manage.py collectstatic").containsEntry("PORT", "9000");
        assertThat(plan.port()).hasValue(9000);
    }

    @Test
    void aFlaskFactoryIsQuotedForTheShell() {
        write(root, "requirements.txt", "Flask\ngunicorn\n");
        write(root, "wsgi.py", "from flask import Flask\ndef create_app():\n    return Flask(__name__)\n");

        assertThat(plan(BuildOverrides.NONE).variables().get("START_COMMAND"))
                .isEqualTo("[\"sh\",\"-c\",\"exec gunicorn 'wsgi:create_app()' --bind 0.0.0.0:$PORT\"]");
    }

    @Test
    void failsClearlyWhenTheFrameworksProductionServerIsNotADependency() {
        write(root, "requirements.txt", "flask\n");
        write(root, "app.py", "app = Flask(__name__)\n");

        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("Flask app app:app found, but gunicorn is not a dependency");
    }

    @Test
    void failsClearlyForDjangoWithoutAWsgiModule() {
        write(root, "requirements.txt", "django\ngunicorn\n");
        write(root, "manage.py", "");

        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("Django app (manage.py) without a <project>/wsgi.py");
    }

    @Test
    void failsClearlyWhenNothingSaysHowToStart() {
        write(root, "requirements.txt", "requests\n");

        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("cannot tell how to start this Python app");
    }

    @Test
    void refusesAPipfileOnlyRepository() {
        write(root, "Pipfile", "[packages]\n");
        write(root, "app.py", "");

        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("Pipfile (pipenv) is not supported");
    }

    @Test
    void isNotPythonWithoutManifestOrEntryFileOrWhenALoneScriptSitsInAnotherStack() {
        assertThat(planner.plan(new SourceTree(root), BuildOverrides.NONE, RUNTIMES)).isEmpty();

        write(root, "main.py", "print('tool')\n");
        write(root, "go.mod", "module example.com/x\n");
        assertThat(planner.plan(new SourceTree(root), BuildOverrides.NONE, RUNTIMES)).isEmpty();
    }

    private BuildPlan plan(BuildOverrides overrides) {
        return planner.plan(new SourceTree(root), overrides, RUNTIMES).orElseThrow();
    }
}
