"""The guided intake: five steps from customer to saved complaint."""
