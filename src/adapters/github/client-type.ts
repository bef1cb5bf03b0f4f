// The type of the GitHub API client (octokit.ts makes it; its plugins and pieces take it).

import type { getOctokit } from '@actions/github';

/** @actions/github's Octokit, with the REST methods and plugins octokit.ts adds. */
export type GitHubClient = ReturnType<typeof getOctokit>;
