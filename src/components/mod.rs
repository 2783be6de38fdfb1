//! Reusable pieces of the views. Each reads from `core` or the `Editor`; none computes
//! a score itself.

pub mod bin_panel;
pub mod confirm;
pub mod confirm_delete;
pub mod conflict_notice;
pub mod context_line;
pub mod data_panel;
pub mod data_table;
pub mod earlier_answers;
pub mod export_choices;
pub mod glossary_terms;
pub mod grant_readiness;
pub mod import_panel;
pub mod in_tab;
pub mod language_switch;
pub mod lazy;
pub mod library_item;
pub mod limited_text;
pub mod passphrase;
pub mod progress;
pub mod question_card;
pub mod radar;
pub mod rename;
pub mod resource_list;
pub mod save_status;
pub mod score_chart;
pub mod score_table;
pub mod snapshots;
pub mod start_here;
pub mod step_breakdown;
pub mod step_list;
