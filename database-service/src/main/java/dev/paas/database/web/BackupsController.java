package dev.paas.database.web;

import dev.paas.database.backups.BackupView;
import dev.paas.database.backups.DatabaseBackups;
import dev.paas.database.backups.RestoreView;
import dev.paas.database.backups.ScheduleView;
import dev.paas.problems.InvalidInput;
import dev.paas.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A database's backups: take one now (202, the worker takes it), list, get, download (streamed, with its
 * SHA-256), the schedule, and restores from a backup or an uploaded dump (202, then poll the restore). Another
 * user's database is answered like an unknown one.
 */
@RestController
@RequestMapping("/api/v1/databases/{id}")
class BackupsController {

    private final DatabaseBackups backups;

    BackupsController(DatabaseBackups backups) {
        this.backups = backups;
    }

    @PostMapping("/backups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BackupView backUp(@PathVariable UUID id, CurrentUser user) {
        return backups.backUp(id, user.id(), user.admin());
    }

    @GetMapping("/backups")
    List<BackupView> list(@PathVariable UUID id, CurrentUser user) {
        return backups.list(id, user.id(), user.admin());
    }

    @GetMapping("/backups/schedule")
    ScheduleView schedule(@PathVariable UUID id, CurrentUser user) {
        return backups.schedule(id, user.id(), user.admin());
    }

    @PutMapping("/backups/schedule")
    ScheduleView updateSchedule(@PathVariable UUID id, @RequestBody ScheduleView schedule, CurrentUser user) {
        return backups.updateSchedule(id, schedule, user.id(), user.admin());
    }

    @GetMapping("/backups/{backupId}")
    BackupView get(@PathVariable UUID id, @PathVariable UUID backupId, CurrentUser user) {
        return backups.get(id, backupId, user.id(), user.admin());
    }

    @GetMapping("/backups/{backupId}/download")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID id, @PathVariable UUID backupId,
            CurrentUser user) {
        DatabaseBackups.Download download = backups.download(id, backupId, user.id(), user.admin());
        StreamingResponseBody body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header("X-Checksum-SHA256", download.sha256())
                .body(body);
    }

    @PostMapping(path = "/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    RestoreView restore(@PathVariable UUID id, @RequestBody RestoreRequest request, CurrentUser user) {
        return backups.restore(id, request == null ? null : request.backupId(), user.id(), user.admin());
    }

    @PostMapping(path = "/restore", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    RestoreView restoreUpload(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file,
            CurrentUser user) {
        if (file == null) {
            throw new InvalidInput("file", "is required: the dump to restore, as the multipart part file");
        }
        try (InputStream in = file.getInputStream()) {
            return backups.restoreUpload(id, in, user.id(), user.admin());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded dump: " + e.getMessage(), e);
        }
    }

    @GetMapping("/restores/{restoreId}")
    RestoreView restoreStatus(@PathVariable UUID id, @PathVariable UUID restoreId, CurrentUser user) {
        return backups.restoreStatus(id, restoreId, user.id(), user.admin());
    }

    /** The body of a restore from a stored backup. */
    record RestoreRequest(UUID backupId) {
    }
}
