"""Reading: the queue, statistics and a villager's tracking, all as scoped SQL."""
