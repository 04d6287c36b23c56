from roster import jobs


def test_a_due_job_runs_once_per_interval_and_a_failing_one_does_not_stop_the_rest(app):
    calls = []

    def failing():
        calls.append("failing")
        raise RuntimeError("boom")

    with app.app_context():
        saved = dict(jobs.schedule(app))
        jobs.schedule(app).clear()
        try:
            jobs.register(app, "failing", 60, failing)
            jobs.register(app, "counting", 60, lambda: calls.append("counting"))
            assert jobs.run_due(app, now=1000.0) == ["failing", "counting"]
            assert jobs.run_due(app, now=1030.0) == []
            assert jobs.run_due(app, now=1061.0) == ["failing", "counting"]
        finally:
            jobs.schedule(app).clear()
            jobs.schedule(app).update(saved)
    assert calls == ["failing", "counting"] * 2


def test_the_service_registers_mail_delivery(app):
    assert "deliver-mail" in jobs.schedule(app)
