package io.fairtender.server.jobs;

import io.fairtender.ErrorCode;

/**
 * Why a job failed or was lost.
 *
 * @param code the error code (TIME_LIMIT, CORRUPT, ...; INTERNAL for anything unexpected)
 * @param detail what happened, for the problem body (never document text)
 */
public record JobFailure(ErrorCode code, String detail) {}
