-- The cache-warmer reads every lead's latest nurture schedule (ScheduleFollowUps actions of the last
-- 30 days) to warm the leads whose next nurture.step is due within its look-ahead (issue 18). A partial
-- index keeps that read off the rest of the outbox.
CREATE INDEX crm_actions_follow_up_schedules_idx ON crm_actions (created_at)
    WHERE action_type = 'ScheduleFollowUps';
