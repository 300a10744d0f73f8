package dev.specboard.repo;

import org.eclipse.jgit.lib.ProgressMonitor;

/** Adapts JGit's progress reports (counting, receiving, resolving) to the sync's object counters. */
final class ObjectProgress implements ProgressMonitor {
    private final GitMirror.Progress progress;
    private int total;
    private int done;

    ObjectProgress(GitMirror.Progress progress) {
        this.progress = progress;
    }

    @Override
    public void start(int totalTasks) {
    }

    @Override
    public void beginTask(String title, int totalWork) {
        if (totalWork > 0) {
            total = totalWork;
            done = 0;
            progress.objects(done, total);
        }
    }

    @Override
    public void update(int completed) {
        done += completed;
        if (total > 0) {
            progress.objects(Math.min(done, total), total);
        }
    }

    @Override
    public void endTask() {
        if (total > 0) {
            progress.objects(total, total);
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void showDuration(boolean enabled) {
    }
}
