-- Token buckets, checked and taken together: a request passes only when every one of its buckets holds a token,
-- and then takes one from each. Atomic in Redis, so every gateway replica shares the same buckets.
-- KEYS: one key per bucket. ARGV: capacity and refill period in milliseconds, per bucket in the order of KEYS.
-- Returns {allowed (1/0), remaining tokens of the tightest bucket, index of that bucket (1-based), wait in ms}.
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local levels = {}
local allowed = 1
local tightest = 1
local wait = 0
for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[2 * i - 1])
  local period = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', key, 'level', 'at')
  local level = tonumber(state[1])
  local at = tonumber(state[2])
  if level == nil or at == nil then
    level = capacity
  else
    level = math.min(capacity, level + math.max(0, now - at) * capacity / period)
  end
  levels[i] = level
  if level < 1 then
    allowed = 0
    local needed = math.ceil((1 - level) * period / capacity)
    if needed > wait then
      wait = needed
      tightest = i
    end
  end
end
local remaining = 0
if allowed == 1 then
  remaining = -1
end
for i, key in ipairs(KEYS) do
  local period = tonumber(ARGV[2 * i])
  local level = levels[i]
  if allowed == 1 then
    level = level - 1
    if remaining < 0 or math.floor(level) < remaining then
      remaining = math.floor(level)
      tightest = i
    end
  end
  redis.call('HSET', key, 'level', tostring(level), 'at', tostring(now))
  -- An untouched bucket is full again after one period; from then on a missing key means the same.
  redis.call('PEXPIRE', key, period)
end
return {allowed, remaining, tightest, wait}
