/**
 * The text every llm-rubric grader request carries in its system message. The assertions write it and the mock
 * recognises grading requests by it, so it is part of the protocol between them and lives in one place.
 */
export const GRADER_MARKER = 'onetoken-eval grader';
